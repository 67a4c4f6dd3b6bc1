package org.masrrepro.harness.spec;

import java.lang.reflect.RecordComponent;

/** Copies of spec records with one component replaced (reflection, so copies stay right when components are added). */
public final class Records {

    private Records() {}

    /** A copy of {@code record} whose component {@code name} is {@code value}; validation runs again. */
    @SuppressWarnings("unchecked")
    public static <R extends Record> R with(R record, String name, Object value) {
        RecordComponent[] rc = record.getClass().getRecordComponents();
        Object[] args = new Object[rc.length];
        Class<?>[] types = new Class<?>[rc.length];
        boolean found = false;
        try {
            for (int i = 0; i < rc.length; i++) {
                types[i] = rc[i].getType();
                boolean replaced = rc[i].getName().equals(name);
                found |= replaced;
                args[i] = replaced ? value : rc[i].getAccessor().invoke(record);
            }
            if (!found) {
                throw new IllegalArgumentException(record.getClass().getSimpleName() + " has no component " + name);
            }
            return (R) record.getClass().getDeclaredConstructor(types).newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("copying " + record.getClass().getSimpleName(), e);
        }
    }
}
