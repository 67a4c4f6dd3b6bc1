package org.masrrepro.harness.spec;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Binds resolved spec JSON to immutable spec records, strictly: unknown fields, missing required fields, wrong types
 * and failed record validations are errors naming the file and JSON path.
 *
 * <p>Field names are the snake_case of record components. Keys starting with {@code "//"} are documentation and are
 * ignored. A sealed interface is bound through its {@code "type"} field to the permitted record carrying that
 * {@link TypeName}.
 */
public final class SpecBinder {

    /** Prefix of documentation keys, e.g. {@code "//mask_probability": "why this value"}. */
    public static final String DOC_PREFIX = "//";

    private final String file;

    public SpecBinder(String file) {
        this.file = file;
    }

    /** Binds {@code json} (at {@code path}) to {@code type}. */
    public <T> T bind(JsonElement json, Class<T> type, String path) {
        return type.cast(bindValue(json, type, path));
    }

    private Object bindValue(JsonElement json, Type type, String path) {
        if (type instanceof ParameterizedType pt) {
            Class<?> raw = (Class<?>) pt.getRawType();
            if (raw == List.class) {
                return bindList(json, pt.getActualTypeArguments()[0], path);
            }
            if (raw == Map.class) {
                return bindMap(json, pt.getActualTypeArguments()[1], path);
            }
            throw new IllegalStateException("unsupported spec type " + type);
        }
        Class<?> cls = (Class<?>) type;
        if (cls.isRecord()) {
            return bindRecord(json, cls, path);
        }
        if (cls.isInterface() && cls.isSealed()) {
            return bindVariant(json, cls, path);
        }
        return bindScalar(json, cls, path);
    }

    private List<Object> bindList(JsonElement json, Type element, String path) {
        if (!json.isJsonArray()) {
            throw error(path, "expected a JSON array, found " + describe(json));
        }
        JsonArray array = json.getAsJsonArray();
        List<Object> out = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            out.add(bindValue(array.get(i), element, path + "[" + i + "]"));
        }
        return Collections.unmodifiableList(out);
    }

    private Map<String, Object> bindMap(JsonElement json, Type value, String path) {
        if (!json.isJsonObject()) {
            throw error(path, "expected a JSON object, found " + describe(json));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> e : json.getAsJsonObject().entrySet()) {
            if (!e.getKey().startsWith(DOC_PREFIX)) {
                out.put(e.getKey(), bindValue(e.getValue(), value, path + "." + e.getKey()));
            }
        }
        return Collections.unmodifiableMap(out);
    }

    private Object bindVariant(JsonElement json, Class<?> sealed, String path) {
        if (!json.isJsonObject()) {
            throw error(path, "expected a JSON object with a \"type\" field, found " + describe(json));
        }
        JsonElement typeField = json.getAsJsonObject().get("type");
        Map<String, Class<?>> variants = variants(sealed);
        if (typeField == null || !typeField.isJsonPrimitive()) {
            throw error(path + ".type", "missing; allowed: " + variants.keySet());
        }
        Class<?> variant = variants.get(typeField.getAsString());
        if (variant == null) {
            throw error(path + ".type", "found \"" + typeField.getAsString() + "\"; allowed: " + variants.keySet());
        }
        return bindRecord(json, variant, path);
    }

    /** The permitted records of a sealed spec interface, by their {@link TypeName}. */
    public static Map<String, Class<?>> variants(Class<?> sealed) {
        Map<String, Class<?>> out = new LinkedHashMap<>();
        for (Class<?> c : sealed.getPermittedSubclasses()) {
            TypeName name = c.getAnnotation(TypeName.class);
            if (name == null) {
                throw new IllegalStateException(c + " lacks @TypeName");
            }
            out.put(name.value(), c);
        }
        return out;
    }

    private Object bindRecord(JsonElement json, Class<?> cls, String path) {
        if (!json.isJsonObject()) {
            throw error(path, "expected a JSON object (" + cls.getSimpleName() + "), found " + describe(json));
        }
        JsonObject obj = json.getAsJsonObject();
        RecordComponent[] components = cls.getRecordComponents();
        Set<String> allowed = new TreeSet<>();
        for (RecordComponent rc : components) {
            allowed.add(snake(rc.getName()));
        }
        boolean variant = cls.isAnnotationPresent(TypeName.class);
        for (String key : obj.keySet()) {
            boolean ok = allowed.contains(key) || key.startsWith(DOC_PREFIX) || (variant && key.equals("type"));
            if (!ok) {
                throw error(path + "." + key, "unknown field; allowed fields of " + cls.getSimpleName() + ": " + allowed);
            }
        }
        Object[] args = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent rc = components[i];
            types[i] = rc.getType();
            String key = snake(rc.getName());
            JsonElement value = obj.get(key);
            String childPath = path + "." + key;
            if (value == null || value.isJsonNull()) {
                if (!rc.isAnnotationPresent(Opt.class)) {
                    Doc doc = rc.getAnnotation(Doc.class);
                    throw error(childPath, "missing required field of " + cls.getSimpleName()
                            + (doc == null ? "" : " (" + doc.value() + ")"));
                }
                if (rc.getType().isPrimitive()) {
                    throw new IllegalStateException("@Opt on primitive " + cls + "." + rc.getName());
                }
                args[i] = rc.getType() == List.class ? List.of() : null;
            } else {
                args[i] = bindValue(value, rc.getGenericType(), childPath);
            }
        }
        try {
            Constructor<?> ctor = cls.getDeclaredConstructor(types);
            return ctor.newInstance(args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof SpecException se) {
                throw se;
            }
            if (cause instanceof IllegalArgumentException iae) {
                throw error(path, iae.getMessage());
            }
            throw new IllegalStateException("constructing " + cls.getSimpleName() + " at " + path, cause);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private Object bindScalar(JsonElement json, Class<?> cls, String path) {
        if (!json.isJsonPrimitive()) {
            throw error(path, "expected " + cls.getSimpleName().toLowerCase() + ", found " + describe(json));
        }
        JsonPrimitive p = json.getAsJsonPrimitive();
        if (cls == String.class) {
            if (!p.isString()) {
                throw error(path, "expected a string, found " + describe(json));
            }
            return p.getAsString();
        }
        if (cls == boolean.class || cls == Boolean.class) {
            if (!p.isBoolean()) {
                throw error(path, "expected true or false, found " + describe(json));
            }
            return p.getAsBoolean();
        }
        if (!p.isNumber()) {
            throw error(path, "expected a number, found " + describe(json));
        }
        double d = p.getAsDouble();
        if (cls == int.class || cls == Integer.class || cls == long.class || cls == Long.class) {
            if (d != Math.rint(d)) {
                throw error(path, "expected an integer, found " + p.getAsString());
            }
            long l = p.getAsBigDecimal().longValueExact();
            if (cls == int.class || cls == Integer.class) {
                if (l != (int) l) {
                    throw error(path, "integer out of range: " + p.getAsString());
                }
                return (int) l;
            }
            return l;
        }
        if (cls == double.class || cls == Double.class) {
            return d;
        }
        if (cls == float.class || cls == Float.class) {
            return (float) d;
        }
        throw new IllegalStateException("unsupported spec scalar " + cls);
    }

    private SpecException error(String path, String problem) {
        return new SpecException(file, path, problem);
    }

    static String describe(JsonElement json) {
        if (json == null || json.isJsonNull()) {
            return "null";
        }
        if (json.isJsonArray()) {
            return "an array";
        }
        if (json.isJsonObject()) {
            return "an object";
        }
        String s = json.toString();
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }

    /** {@code maskSpanFrames} to {@code mask_span_frames}. */
    public static String snake(String camel) {
        StringBuilder sb = new StringBuilder();
        for (char c : camel.toCharArray()) {
            if (Character.isUpperCase(c)) {
                sb.append('_').append(Character.toLowerCase(c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
