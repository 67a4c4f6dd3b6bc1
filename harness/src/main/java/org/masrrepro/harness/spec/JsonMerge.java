package org.masrrepro.harness.spec;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.util.Map;

/**
 * Deep merge of JSON override layers: objects merge key by key, anything else replaces, {@code null} removes a key,
 * and an object whose {@code "type"} differs from the base's (both set) replaces it whole (a different variant shares no fields).
 */
public final class JsonMerge {

    private JsonMerge() {}

    /** Returns a new object: {@code base} overridden by {@code over}; neither argument is modified. */
    public static JsonObject merge(JsonObject base, JsonObject over) {
        JsonObject out = base.deepCopy();
        for (Map.Entry<String, JsonElement> e : over.entrySet()) {
            String key = e.getKey();
            JsonElement value = e.getValue();
            JsonElement old = out.get(key);
            if (value.isJsonNull()) {
                out.remove(key);
            } else if (old != null && old.isJsonObject() && value.isJsonObject() && sameType(old, value)) {
                out.add(key, merge(old.getAsJsonObject(), value.getAsJsonObject()));
            } else {
                out.add(key, value.deepCopy());
            }
        }
        return out;
    }

    private static boolean sameType(JsonElement a, JsonElement b) {
        JsonElement ta = a.getAsJsonObject().get("type");
        JsonElement tb = b.getAsJsonObject().get("type");
        return ta == null || tb == null || ta.equals(tb);
    }
}
