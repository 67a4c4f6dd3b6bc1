package org.masrrepro.reports.results;

import com.google.gson.GsonBuilder;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;

import java.io.IOException;

/**
 * Gson for the report's exports: standard JSON (RFC 8259) that JavaScript, jq and pandas read. A non-finite double is
 * written as null, even where null fields are left out (JSON has no NaN), and a null read back into a {@code double} is NaN, so a round trip keeps "missing".
 */
public final class StrictJson {

    private StrictJson() {}

    /** Pretty printing, no HTML escaping, non-finite doubles as null (null fields are left out unless asked for). */
    public static GsonBuilder builder() {
        TypeAdapter<Double> doubles = new TypeAdapter<>() {
            @Override
            public void write(JsonWriter out, Double value) throws IOException {
                if (value == null || !Double.isFinite(value)) {
                    // Written even where null fields are left out: an absent key would read back as 0.
                    boolean serializeNulls = out.getSerializeNulls();
                    out.setSerializeNulls(true);
                    out.nullValue();
                    out.setSerializeNulls(serializeNulls);
                } else {
                    out.value(value.doubleValue());
                }
            }

            @Override
            public Double read(JsonReader in) throws IOException {
                if (in.peek() == JsonToken.NULL) {
                    in.nextNull();
                    return Double.NaN;
                }
                return in.nextDouble();
            }
        };
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping()
                .registerTypeAdapter(double.class, doubles)
                .registerTypeAdapter(Double.class, doubles.nullSafe());
    }
}
