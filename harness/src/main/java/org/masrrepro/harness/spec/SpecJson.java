package org.masrrepro.harness.spec;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import org.masrrepro.datasets.util.Hashes;

import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Canonical JSON of spec records (sorted keys, {@code "type"} on variants): the basis of step hashes and provenance. */
public final class SpecJson {

    private SpecJson() {}

    /** The canonical JSON tree of a spec value (record, list, map or scalar). */
    public static JsonElement toJson(Object value) {
        if (value == null) {
            return JsonNull.INSTANCE;
        }
        if (value instanceof JsonElement je) {
            return canonical(je);
        }
        if (value instanceof String s) {
            return new JsonPrimitive(s);
        }
        if (value instanceof Boolean b) {
            return new JsonPrimitive(b);
        }
        if (value instanceof Number n) {
            return new JsonPrimitive(n);
        }
        if (value instanceof List<?> list) {
            JsonArray a = new JsonArray();
            list.forEach(v -> a.add(toJson(v)));
            return a;
        }
        if (value instanceof Map<?, ?> map) {
            JsonObject o = new JsonObject();
            new TreeMap<>(map).forEach((k, v) -> o.add(String.valueOf(k), toJson(v)));
            return o;
        }
        Class<?> cls = value.getClass();
        if (cls.isRecord()) {
            TreeMap<String, JsonElement> fields = new TreeMap<>();
            TypeName tn = cls.getAnnotation(TypeName.class);
            if (tn != null) {
                fields.put("type", new JsonPrimitive(tn.value()));
            }
            for (RecordComponent rc : cls.getRecordComponents()) {
                try {
                    Object v = rc.getAccessor().invoke(value);
                    if (v != null) {
                        fields.put(SpecBinder.snake(rc.getName()), toJson(v));
                    }
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
            JsonObject o = new JsonObject();
            fields.forEach(o::add);
            return o;
        }
        if (value instanceof Enum<?> e) {
            return new JsonPrimitive(e.name().toLowerCase());
        }
        throw new IllegalArgumentException("not a spec value: " + cls);
    }

    /** A copy of {@code json} with object keys sorted recursively. */
    public static JsonElement canonical(JsonElement json) {
        if (json.isJsonObject()) {
            TreeMap<String, JsonElement> sorted = new TreeMap<>();
            json.getAsJsonObject().entrySet().forEach(e -> sorted.put(e.getKey(), canonical(e.getValue())));
            JsonObject o = new JsonObject();
            sorted.forEach(o::add);
            return o;
        }
        if (json.isJsonArray()) {
            JsonArray a = new JsonArray();
            json.getAsJsonArray().forEach(e -> a.add(canonical(e)));
            return a;
        }
        return json;
    }

    /** Compact canonical string. */
    public static String compact(Object value) {
        return toJson(value).toString();
    }

    /** Pretty canonical string, for provenance files. */
    public static String pretty(Object value) {
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeSpecialFloatingPointValues()
                .create().toJson(toJson(value));
    }

    /** SHA-256 (hex) of the compact canonical JSON. */
    public static String sha256(Object value) {
        return sha256(compact(value).getBytes(StandardCharsets.UTF_8));
    }

    public static String sha256(byte[] bytes) {
        return Hashes.sha256(bytes);
    }

}
