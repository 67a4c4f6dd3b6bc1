package org.masrrepro.baselines.floor;

import org.masrrepro.datasets.features.FeatureSet;

/**
 * The non-learned floor of a language-ID corpus: each utterance becomes the mean and standard deviation of its
 * log-mel frames (2F numbers), standardised with training statistics, and a multinomial logistic regression with
 * L2 penalty is fit by full-batch gradient descent with momentum (fixed iterations, deterministic). It shows what
 * pretraining adds over spectral statistics on a given corpus.
 */
public final class PooledStatsClassifier {

    private final int iterations;
    private final double learningRate;
    private final double l2;
    private double[] mu;
    private double[] sigma;
    private double[][] w; // [class][feature + bias]

    public PooledStatsClassifier(int iterations, double learningRate, double l2) {
        this.iterations = iterations;
        this.learningRate = learningRate;
        this.l2 = l2;
    }

    /** Mean and standard deviation of every feature dimension over frames: [2F]. */
    public static double[] pooledStats(float[][] frames) {
        int f = frames[0].length;
        double[] out = new double[2 * f];
        for (float[] row : frames) {
            for (int j = 0; j < f; j++) {
                out[j] += row[j];
                out[f + j] += row[j] * (double) row[j];
            }
        }
        for (int j = 0; j < f; j++) {
            double m = out[j] / frames.length;
            out[j] = m;
            out[f + j] = Math.sqrt(Math.max(out[f + j] / frames.length - m * m, 0));
        }
        return out;
    }

    private static double[][] stats(FeatureSet set) {
        double[][] x = new double[set.size()][];
        for (int i = 0; i < x.length; i++) {
            x[i] = pooledStats(set.frames(i));
        }
        return x;
    }

    /** Fits on {@code train} with labels in [0, numClasses). */
    public PooledStatsClassifier fit(FeatureSet train, int[] labels, int numClasses) {
        double[][] x = stats(train);
        int d = x[0].length;
        mu = new double[d];
        sigma = new double[d];
        for (double[] r : x) {
            for (int j = 0; j < d; j++) {
                mu[j] += r[j] / x.length;
            }
        }
        for (double[] r : x) {
            for (int j = 0; j < d; j++) {
                sigma[j] += (r[j] - mu[j]) * (r[j] - mu[j]) / x.length;
            }
        }
        for (int j = 0; j < d; j++) {
            sigma[j] = Math.sqrt(sigma[j]) + 1e-6;
        }
        double[][] z = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            z[i] = standardise(x[i]);
        }
        w = new double[numClasses][d + 1];
        double[][] velocity = new double[numClasses][d + 1];
        double[] p = new double[numClasses];
        for (int it = 0; it < iterations; it++) {
            double[][] grad = new double[numClasses][d + 1];
            for (int i = 0; i < z.length; i++) {
                probabilities(z[i], p);
                for (int c = 0; c < numClasses; c++) {
                    double g = p[c] - (labels[i] == c ? 1 : 0);
                    double[] gc = grad[c];
                    for (int j = 0; j < d; j++) {
                        gc[j] += g * z[i][j];
                    }
                    gc[d] += g;
                }
            }
            for (int c = 0; c < numClasses; c++) {
                for (int j = 0; j <= d; j++) {
                    double g = grad[c][j] / z.length + (j < d ? l2 * w[c][j] : 0);
                    velocity[c][j] = 0.9 * velocity[c][j] - learningRate * g;
                    w[c][j] += velocity[c][j];
                }
            }
        }
        return this;
    }

    private double[] standardise(double[] r) {
        double[] z = new double[r.length];
        for (int j = 0; j < r.length; j++) {
            z[j] = (r[j] - mu[j]) / sigma[j];
        }
        return z;
    }

    private void probabilities(double[] z, double[] p) {
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < w.length; c++) {
            double s = w[c][z.length];
            for (int j = 0; j < z.length; j++) {
                s += w[c][j] * z[j];
            }
            p[c] = s;
            max = Math.max(max, s);
        }
        double sum = 0;
        for (int c = 0; c < p.length; c++) {
            p[c] = Math.exp(p[c] - max);
            sum += p[c];
        }
        for (int c = 0; c < p.length; c++) {
            p[c] /= sum;
        }
    }

    /** Log-probabilities [utterance][class]. */
    public float[][] logProbabilities(FeatureSet set) {
        float[][] out = new float[set.size()][w.length];
        double[] p = new double[w.length];
        for (int i = 0; i < set.size(); i++) {
            probabilities(standardise(pooledStats(set.frames(i))), p);
            for (int c = 0; c < p.length; c++) {
                out[i][c] = (float) Math.log(Math.max(p[c], 1e-30));
            }
        }
        return out;
    }
}
