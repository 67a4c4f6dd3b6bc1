package org.masrrepro.baselines.probe;

import java.util.ArrayList;
import java.util.List;

/**
 * NOSS-style linear probe (Shor et al. 2020): a softmax layer (multinomial logistic regression) on frozen utterance
 * embeddings, grid-searched over {l2-normalised embeddings or not} x {class-balanced sample weights or not} x L2
 * strengths, each fitted on train and scored on dev; the configuration with the best dev score (accuracy or UAR; the
 * first in grid order on ties) is applied to test. Features are standardised with the train split's mean and
 * standard deviation after the optional l2 normalisation (so one set of L2 strengths suits every encoder).
 */
public final class LinearProbe {

    /** The dev score that selects a configuration. */
    public enum Selection {
        /** Fraction of correctly classified utterances. */
        ACCURACY,
        /** Unweighted average recall: the mean over classes present in the truth of their recall. */
        UAR
    }

    /**
     * One point of the grid.
     *
     * @param l2Normalize scale each embedding to unit length before standardisation
     * @param balanced    weigh samples by n / (classes x class count) (scikit-learn's class_weight="balanced")
     * @param c           inverse L2 strength (scikit-learn's C)
     */
    public record Config(boolean l2Normalize, boolean balanced, double c) {}

    /** A fitted grid point and its dev scores. */
    public record Point(Config config, double devAccuracy, double devUar, int iterations, boolean converged) {}

    /**
     * @param best               the selected configuration
     * @param grid               every configuration in grid order
     * @param testProbabilities  class probabilities of the test utterances under the selected configuration
     * @param testPredictions    their most probable classes
     */
    public record Result(Point best, List<Point> grid, double[][] testProbabilities, int[] testPredictions) {}

    private final Builder b;

    private LinearProbe(Builder b) {
        this.b = b;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Runs the grid. */
    public Result run() {
        List<Point> grid = new ArrayList<>();
        Point best = null;
        LogisticRegression bestModel = null;
        Preprocessing bestPrep = null;
        for (boolean norm : new boolean[] {false, true}) {
            Preprocessing prep = Preprocessing.fit(b.trainX, norm);
            double[][] tr = prep.apply(b.trainX);
            double[][] dv = prep.apply(b.devX);
            for (boolean balanced : new boolean[] {false, true}) {
                double[] w = balanced ? balancedWeights(b.trainY, b.numClasses) : null;
                for (double c : b.l2Strengths) {
                    LogisticRegression m = LogisticRegression.fit(tr, b.trainY, b.numClasses, c, w, b.maxIterations,
                            b.tolerance);
                    int[] pred = m.predict(dv);
                    Point p = new Point(new Config(norm, balanced, c), accuracy(b.devY, pred),
                            uar(b.devY, pred, b.numClasses), m.iterations(), m.converged());
                    grid.add(p);
                    if (best == null || score(p) > score(best)) {
                        best = p;
                        bestModel = m;
                        bestPrep = prep;
                    }
                }
            }
        }
        double[][] te = bestPrep.apply(b.testX);
        return new Result(best, List.copyOf(grid), bestModel.probabilities(te), bestModel.predict(te));
    }

    private double score(Point p) {
        return b.selection == Selection.UAR ? p.devUar() : p.devAccuracy();
    }

    /** scikit-learn's class_weight="balanced": n / (classes x count of the sample's class); absent classes count 0. */
    public static double[] balancedWeights(int[] y, int numClasses) {
        int[] count = new int[numClasses];
        for (int v : y) {
            count[v]++;
        }
        int present = 0;
        for (int cnt : count) {
            present += cnt > 0 ? 1 : 0;
        }
        double[] w = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            w[i] = (double) y.length / (present * count[y[i]]);
        }
        return w;
    }

    public static double accuracy(int[] truth, int[] pred) {
        int ok = 0;
        for (int i = 0; i < truth.length; i++) {
            ok += truth[i] == pred[i] ? 1 : 0;
        }
        return truth.length == 0 ? Double.NaN : (double) ok / truth.length;
    }

    /** Mean recall over the classes present in {@code truth}. */
    public static double uar(int[] truth, int[] pred, int numClasses) {
        int[] n = new int[numClasses];
        int[] ok = new int[numClasses];
        for (int i = 0; i < truth.length; i++) {
            n[truth[i]]++;
            ok[truth[i]] += truth[i] == pred[i] ? 1 : 0;
        }
        double sum = 0;
        int present = 0;
        for (int k = 0; k < numClasses; k++) {
            if (n[k] > 0) {
                sum += (double) ok[k] / n[k];
                present++;
            }
        }
        return present == 0 ? Double.NaN : sum / present;
    }

    /** Optional l2 normalisation, then standardisation with the train statistics. */
    record Preprocessing(boolean l2Normalize, double[] mean, double[] scale) {

        static Preprocessing fit(float[][] train, boolean l2Normalize) {
            int d = train[0].length;
            double[] mean = new double[d];
            double[] sq = new double[d];
            for (float[] row : train) {
                double[] v = vector(row, l2Normalize);
                for (int j = 0; j < d; j++) {
                    mean[j] += v[j];
                    sq[j] += v[j] * v[j];
                }
            }
            double[] scale = new double[d];
            for (int j = 0; j < d; j++) {
                mean[j] /= train.length;
                double var = Math.max(sq[j] / train.length - mean[j] * mean[j], 0);
                scale[j] = var > 1e-24 ? 1 / Math.sqrt(var) : 1; // a constant dimension stays 0 after centring
            }
            return new Preprocessing(l2Normalize, mean, scale);
        }

        double[][] apply(float[][] x) {
            double[][] out = new double[x.length][];
            for (int i = 0; i < x.length; i++) {
                double[] v = vector(x[i], l2Normalize);
                for (int j = 0; j < v.length; j++) {
                    v[j] = (v[j] - mean[j]) * scale[j];
                }
                out[i] = v;
            }
            return out;
        }

        private static double[] vector(float[] row, boolean l2Normalize) {
            double[] v = new double[row.length];
            double norm = 0;
            for (int j = 0; j < row.length; j++) {
                v[j] = row[j];
                norm += v[j] * v[j];
            }
            if (l2Normalize && norm > 0) {
                double inv = 1 / Math.sqrt(norm);
                for (int j = 0; j < v.length; j++) {
                    v[j] *= inv;
                }
            }
            return v;
        }
    }

    /** Configures a {@link LinearProbe}. */
    public static final class Builder {
        private float[][] trainX;
        private int[] trainY;
        private float[][] devX;
        private int[] devY;
        private float[][] testX;
        private int numClasses;
        private List<Double> l2Strengths = List.of(0.01, 0.1, 1.0, 10.0);
        private Selection selection = Selection.ACCURACY;
        private int maxIterations = 500;
        private double tolerance = 1e-6;

        public Builder setTrain(float[][] x, int[] y) {
            this.trainX = x;
            this.trainY = y;
            return this;
        }

        public Builder setDev(float[][] x, int[] y) {
            this.devX = x;
            this.devY = y;
            return this;
        }

        /** Test embeddings (labels are scored by the caller). */
        public Builder setTest(float[][] x) {
            this.testX = x;
            return this;
        }

        public Builder setNumClasses(int numClasses) {
            this.numClasses = numClasses;
            return this;
        }

        /** Inverse L2 strengths C of the grid (default 0.01, 0.1, 1, 10). */
        public Builder optL2Strengths(List<Double> cs) {
            this.l2Strengths = List.copyOf(cs);
            return this;
        }

        public Builder optSelection(Selection selection) {
            this.selection = selection;
            return this;
        }

        /** L-BFGS iteration budget per fit (default 500). */
        public Builder optMaxIterations(int maxIterations) {
            this.maxIterations = maxIterations;
            return this;
        }

        /** Gradient tolerance per fit (default 1e-6). */
        public Builder optTolerance(double tolerance) {
            this.tolerance = tolerance;
            return this;
        }

        public LinearProbe build() {
            if (trainX == null || devX == null || testX == null || numClasses < 2) {
                throw new IllegalArgumentException("a probe needs train, dev and test embeddings and >= 2 classes");
            }
            if (trainX.length == 0 || devX.length == 0 || trainX.length != trainY.length || devX.length != devY.length) {
                throw new IllegalArgumentException("train/dev need as many labels as embeddings and at least one of each: train "
                        + trainX.length + "/" + trainY.length + ", dev " + devX.length + "/" + devY.length);
            }
            if (l2Strengths.isEmpty() || l2Strengths.stream().anyMatch(c -> !(c > 0))) {
                throw new IllegalArgumentException("L2 strengths (C) must be a non-empty list of positive numbers: " + l2Strengths);
            }
            return new LinearProbe(this);
        }
    }
}
