package org.masrrepro.masr;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.masrrepro.masr.encoders.MetadataEncoder;
import org.masrrepro.masr.mining.HardTripletMiner;
import org.masrrepro.masr.mining.Triplets;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Mining, loss and gradient of the MASR hinge match PyTorch on random batches (fixture made by
 * masr/scripts/make_triplet_fixture.py with Debian's python3-torch).
 */
class TorchReferenceTest {

    static JsonObject fixture() throws IOException {
        try (Reader r = new InputStreamReader(TorchReferenceTest.class.getResourceAsStream("/fixtures/triplet_reference.json"),
                StandardCharsets.UTF_8)) {
            return new Gson().fromJson(r, JsonObject.class);
        }
    }

    static float[][] matrix(JsonElement e) {
        JsonArray a = e.getAsJsonArray();
        float[][] out = new float[a.size()][];
        for (int i = 0; i < a.size(); i++) {
            JsonArray row = a.get(i).getAsJsonArray();
            out[i] = new float[row.size()];
            for (int j = 0; j < row.size(); j++) {
                out[i][j] = row.get(j).getAsFloat();
            }
        }
        return out;
    }

    static int[] ints(JsonElement e) {
        return new Gson().fromJson(e, int[].class);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3})
    void matchesPyTorch(int caseIndex) throws IOException {
        JsonObject c = fixture().getAsJsonArray("cases").get(caseIndex).getAsJsonObject();
        float[][] q = matrix(c.get("q"));
        float[][] e = matrix(c.get("e"));
        int[] labels = ints(c.get("labels"));
        float[][] qUnit = new float[q.length][];
        for (int i = 0; i < q.length; i++) {
            qUnit[i] = MetadataEncoder.unit(q[i]);
        }
        Triplets t = HardTripletMiner.mine(HardTripletMiner.concat(qUnit, e, c.get("alpha").getAsDouble()), labels);
        assertArrayEquals(ints(c.get("positive")), t.positive());
        assertArrayEquals(ints(c.get("negative")), t.negative());

        try (NDManager m = NDManager.newBaseManager()) {
            int b = q.length;
            int d = q[0].length;
            float[] flat = new float[b * d];
            for (int i = 0; i < b; i++) {
                System.arraycopy(q[i], 0, flat, i * d, d);
            }
            NDArray qa = m.create(flat, new Shape(b, d));
            qa.setRequiresGradient(true);
            float loss;
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray l = TripletObjective.hinge(qa, t, c.get("margin").getAsDouble()).sum()
                        .div((float) Math.max(1, t.validCount())).mul(c.get("lambda").getAsFloat());
                gc.backward(l);
                loss = l.getFloat();
            }
            assertEquals(c.get("loss").getAsDouble(), loss, 1e-4);
            float[] grad = qa.getGradient().toFloatArray();
            float[][] ref = matrix(c.get("grad"));
            for (int i = 0; i < b; i++) {
                for (int j = 0; j < d; j++) {
                    assertEquals(ref[i][j], grad[i * d + j], 1e-4, "grad[" + i + "][" + j + "]");
                }
            }
        }
    }
}
