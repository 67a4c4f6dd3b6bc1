package org.masrrepro.baselines.probe;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Java L-BFGS fit reaches scikit-learn's optimum (fixture from baselines/scripts/make_logreg_fixture.py):
 * same probabilities, coefficients and intercepts, for plain, class-balanced and binary problems.
 */
class LogisticRegressionTest {

    static JsonObject fixture() throws IOException {
        try (InputStream in = LogisticRegressionTest.class.getResourceAsStream("/fixtures/logreg_reference.json")) {
            assertNotNull(in, "fixture missing: run /usr/bin/python3 baselines/scripts/make_logreg_fixture.py");
            return JsonParser.parseString(new String(in.readAllBytes(), StandardCharsets.UTF_8)).getAsJsonObject();
        }
    }

    static double[][] matrix(JsonArray a) {
        double[][] m = new double[a.size()][];
        for (int i = 0; i < m.length; i++) {
            m[i] = vector(a.get(i).getAsJsonArray());
        }
        return m;
    }

    static double[] vector(JsonArray a) {
        double[] v = new double[a.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = a.get(i).getAsDouble();
        }
        return v;
    }

    @Test
    void matchesScikitLearn() throws IOException {
        JsonObject f = fixture();
        int cases = 0;
        for (JsonElement e : f.getAsJsonArray("cases")) {
            JsonObject c = e.getAsJsonObject();
            String name = c.get("name").getAsString();
            double[][] x = matrix(c.getAsJsonArray("x"));
            int[] y = c.getAsJsonArray("y").asList().stream().mapToInt(JsonElement::getAsInt).toArray();
            int k = c.get("num_classes").getAsInt();
            double[] w = c.get("balanced").getAsBoolean() ? LinearProbe.balancedWeights(y, k) : null;
            LogisticRegression m = LogisticRegression.fit(x, y, k, c.get("C").getAsDouble(), w, 10_000, 1e-7);
            double[][] p = m.probabilities(x);
            double[][] ref = matrix(c.getAsJsonArray("probabilities"));
            double maxDiff = 0;
            for (int i = 0; i < p.length; i++) {
                for (int j = 0; j < k; j++) {
                    maxDiff = Math.max(maxDiff, Math.abs(p[i][j] - ref[i][j]));
                }
            }
            double[][] coef = matrix(c.getAsJsonArray("coef"));
            double[] intercept = vector(c.getAsJsonArray("intercept"));
            double coefDiff = 0;
            for (int a = 0; a < k; a++) {
                for (int j = 0; j < coef[a].length; j++) {
                    coefDiff = Math.max(coefDiff, Math.abs(m.weights()[a][j] - coef[a][j]));
                }
            }
            double c0 = c.get("C").getAsDouble();
            double ours = m.objective(x, y, c0, w);
            double theirs = LogisticRegression.of(coef, intercept).objective(x, y, c0, w);
            System.out.printf("logreg vs scikit-learn %s, %s: max |p diff| %.2e, max |coef diff| %.2e, objective %.12f"
                    + " vs %.12f, %d iterations%n", f.get("sklearn").getAsString(), name, maxDiff, coefDiff, ours, theirs,
                    m.iterations());
            assertTrue(m.converged(), name + ": not converged after " + m.iterations() + " iterations");
            // scikit-learn stops on L-BFGS-B's relative-decrease test with gradients near 1e-6 (checked in numpy), so
            // agreement is to about 1e-5; our fit must be at least as good an optimum.
            assertTrue(ours <= theirs + 1e-12, name + ": objective " + ours + " above scikit-learn's " + theirs);
            assertTrue(maxDiff < 1e-4, name + ": probabilities differ by " + maxDiff);
            assertTrue(coefDiff < 1e-4, name + ": coefficients differ by " + coefDiff);
            // Intercepts are fixed by the unpenalised optimum up to a common shift; both fits keep their sum at 0.
            assertArrayEquals(intercept, m.intercept(), 1e-4, name);
            assertEquals(c.get("accuracy").getAsDouble(), LinearProbe.accuracy(y, m.predict(x)), 1e-12, name);
            cases++;
        }
        assertEquals(3, cases);
    }

    @Test
    void invalidInputsAreRejected() {
        double[][] x = {{1, 2}, {3, 4}};
        assertThrows(IllegalArgumentException.class, () -> LogisticRegression.fit(x, new int[] {0, 2}, 2, 1, null, 10, 1e-6));
        assertThrows(IllegalArgumentException.class, () -> LogisticRegression.fit(x, new int[] {0, 1}, 2, 0, null, 10, 1e-6));
        assertThrows(IllegalArgumentException.class, () -> LogisticRegression.fit(x, new int[] {0}, 2, 1, null, 10, 1e-6));
    }
}
