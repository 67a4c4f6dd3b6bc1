package org.masrrepro.baselines.probe;

import java.util.Arrays;

/**
 * Multinomial (softmax) logistic regression with an L2 penalty on the weights (not the intercepts), fitted by
 * full-batch L-BFGS in plain Java: deterministic, no engine. It minimises the objective of scikit-learn's
 * {@code LogisticRegression(C=c, solver="lbfgs")} with multinomial loss,
 * {@code sum_i s_i * CE(softmax(W x_i + b), y_i) + ||W||^2 / (2 c)} (divided by {@code sum_i s_i}, which changes
 * only its scale), so both reach the same optimum.
 */
public final class LogisticRegression {

    /** Iterations kept by L-BFGS. */
    private static final int MEMORY = 10;

    private final double[][] weights; // (K, D)
    private final double[] intercept;  // (K)
    private final int iterations;
    private final boolean converged;

    private LogisticRegression(double[][] weights, double[] intercept, int iterations, boolean converged) {
        this.weights = weights;
        this.intercept = intercept;
        this.iterations = iterations;
        this.converged = converged;
    }

    /**
     * Fits on {@code x} (n, D) with labels {@code y} in [0, numClasses).
     *
     * @param c             inverse L2 strength (scikit-learn's C)
     * @param sampleWeights per-sample weights s_i (null = all 1)
     * @param maxIterations L-BFGS iteration budget
     * @param tolerance     stop when the largest absolute gradient entry of the scaled objective is below this
     */
    public static LogisticRegression fit(double[][] x, int[] y, int numClasses, double c, double[] sampleWeights,
            int maxIterations, double tolerance) {
        int n = x.length;
        if (n == 0 || y.length != n) {
            throw new IllegalArgumentException("need as many labels as samples, found " + n + " samples, " + y.length + " labels");
        }
        if (!(c > 0)) {
            throw new IllegalArgumentException("C must be > 0, found " + c);
        }
        for (int label : y) {
            if (label < 0 || label >= numClasses) {
                throw new IllegalArgumentException("label " + label + " outside [0, " + numClasses + ")");
            }
        }
        int d = x[0].length;
        double[] s = sampleWeights != null ? sampleWeights.clone() : filled(n, 1.0);
        Objective f = new Objective(x, y, numClasses, d, s, c);
        double[] theta = new double[numClasses * d + numClasses];
        double[] g = new double[theta.length];
        double fx = f.evaluate(theta, g);
        double[][] sHist = new double[MEMORY][];
        double[][] yHist = new double[MEMORY][];
        double[] rho = new double[MEMORY];
        int stored = 0;
        int next = 0;
        int it = 0;
        boolean done = maxAbs(g) < tolerance;
        double[] gNew = new double[theta.length];
        while (!done && it < maxIterations) {
            it++;
            double[] dir = direction(g, sHist, yHist, rho, stored, next);
            double slope = dot(dir, g);
            if (slope >= 0) { // not a descent direction: restart from steepest descent
                stored = 0;
                dir = scaled(g, -1);
                slope = dot(dir, g);
            }
            double step = stored == 0 ? Math.min(1.0, 1.0 / Math.max(norm(g), 1e-12)) : 1.0;
            double[] cand = new double[theta.length];
            double fc;
            int backtracks = 0;
            while (true) {
                for (int i = 0; i < theta.length; i++) {
                    cand[i] = theta[i] + step * dir[i];
                }
                fc = f.evaluate(cand, gNew);
                if (fc <= fx + 1e-4 * step * slope || backtracks >= 60) {
                    break;
                }
                step *= 0.5;
                backtracks++;
            }
            double[] sv = new double[theta.length];
            double[] yv = new double[theta.length];
            for (int i = 0; i < theta.length; i++) {
                sv[i] = cand[i] - theta[i];
                yv[i] = gNew[i] - g[i];
            }
            double sy = dot(sv, yv);
            double change = fx - fc;
            theta = cand;
            System.arraycopy(gNew, 0, g, 0, g.length);
            fx = fc;
            if (sy > 1e-12) {
                sHist[next] = sv;
                yHist[next] = yv;
                rho[next] = 1.0 / sy;
                next = (next + 1) % MEMORY;
                stored = Math.min(stored + 1, MEMORY);
            }
            // No decrease at all after the backtracking: the objective is flat at double precision.
            done = maxAbs(g) < tolerance || change <= 0;
        }
        double[][] w = new double[numClasses][d];
        double[] b = new double[numClasses];
        for (int k = 0; k < numClasses; k++) {
            System.arraycopy(theta, k * d, w[k], 0, d);
            b[k] = theta[numClasses * d + k];
        }
        return new LogisticRegression(w, b, it, maxAbs(g) < tolerance);
    }

    /** A model with given weights (K, D) and intercepts (K), e.g. another library's fit. */
    public static LogisticRegression of(double[][] weights, double[] intercept) {
        double[][] w = new double[weights.length][];
        for (int k = 0; k < w.length; k++) {
            w[k] = weights[k].clone();
        }
        return new LogisticRegression(w, intercept.clone(), 0, false);
    }

    /** The objective this class minimises, {@code (sum_i s_i CE_i + ||W||^2 / (2 c)) / sum_i s_i}, at this model. */
    public double objective(double[][] x, int[] y, double c, double[] sampleWeights) {
        double loss = 0;
        double sw = 0;
        for (int i = 0; i < x.length; i++) {
            double s = sampleWeights == null ? 1 : sampleWeights[i];
            loss -= s * Math.log(softmax(scores(x[i]))[y[i]]);
            sw += s;
        }
        double penalty = 0;
        for (double[] row : weights) {
            for (double v : row) {
                penalty += v * v;
            }
        }
        return (loss + penalty / (2 * c)) / sw;
    }

    /** Class probabilities {@code [sample][class]}. */
    public double[][] probabilities(double[][] x) {
        double[][] p = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            p[i] = softmax(scores(x[i]));
        }
        return p;
    }

    /** Most probable class per sample (lowest index on ties). */
    public int[] predict(double[][] x) {
        int[] out = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = argMax(scores(x[i]));
        }
        return out;
    }

    public double[][] weights() {
        double[][] w = new double[weights.length][];
        for (int k = 0; k < w.length; k++) {
            w[k] = weights[k].clone();
        }
        return w;
    }

    public double[] intercept() {
        return intercept.clone();
    }

    /** L-BFGS iterations run. */
    public int iterations() {
        return iterations;
    }

    /** Whether the gradient tolerance was met within the budget. */
    public boolean converged() {
        return converged;
    }

    private double[] scores(double[] xi) {
        double[] z = new double[weights.length];
        for (int k = 0; k < z.length; k++) {
            double acc = intercept[k];
            double[] wk = weights[k];
            for (int j = 0; j < xi.length; j++) {
                acc += wk[j] * xi[j];
            }
            z[k] = acc;
        }
        return z;
    }

    static int argMax(double[] v) {
        int best = 0;
        for (int k = 1; k < v.length; k++) {
            if (v[k] > v[best]) {
                best = k;
            }
        }
        return best;
    }

    static double[] softmax(double[] z) {
        double max = Arrays.stream(z).max().orElse(0);
        double sum = 0;
        double[] p = new double[z.length];
        for (int k = 0; k < z.length; k++) {
            p[k] = Math.exp(z[k] - max);
            sum += p[k];
        }
        for (int k = 0; k < z.length; k++) {
            p[k] /= sum;
        }
        return p;
    }

    /** The scaled objective and its gradient. */
    private record Objective(double[][] x, int[] y, int k, int d, double[] s, double c) {

        double evaluate(double[] theta, double[] grad) {
            Arrays.fill(grad, 0);
            double sw = 0;
            double loss = 0;
            double[] z = new double[k];
            for (int i = 0; i < x.length; i++) {
                double[] xi = x[i];
                for (int a = 0; a < k; a++) {
                    double acc = theta[k * d + a];
                    int off = a * d;
                    for (int j = 0; j < d; j++) {
                        acc += theta[off + j] * xi[j];
                    }
                    z[a] = acc;
                }
                double max = Arrays.stream(z).max().orElse(0);
                double sum = 0;
                for (int a = 0; a < k; a++) {
                    sum += Math.exp(z[a] - max);
                }
                double logSum = max + Math.log(sum);
                loss += s[i] * (logSum - z[y[i]]);
                sw += s[i];
                for (int a = 0; a < k; a++) {
                    double r = s[i] * (Math.exp(z[a] - logSum) - (a == y[i] ? 1 : 0));
                    if (r != 0) {
                        int off = a * d;
                        for (int j = 0; j < d; j++) {
                            grad[off + j] += r * xi[j];
                        }
                        grad[k * d + a] += r;
                    }
                }
            }
            double penalty = 0;
            for (int j = 0; j < k * d; j++) {
                penalty += theta[j] * theta[j];
                grad[j] += theta[j] / c;
            }
            for (int j = 0; j < grad.length; j++) {
                grad[j] /= sw;
            }
            return (loss + penalty / (2 * c)) / sw;
        }
    }

    private static double[] direction(double[] g, double[][] s, double[][] y, double[] rho, int stored, int next) {
        double[] q = scaled(g, -1);
        double[] alpha = new double[MEMORY];
        for (int m = 0; m < stored; m++) {
            int i = Math.floorMod(next - 1 - m, MEMORY);
            alpha[i] = rho[i] * dot(s[i], q);
            axpy(-alpha[i], y[i], q);
        }
        if (stored > 0) {
            int last = Math.floorMod(next - 1, MEMORY);
            double gamma = dot(s[last], y[last]) / dot(y[last], y[last]);
            for (int j = 0; j < q.length; j++) {
                q[j] *= gamma;
            }
        }
        for (int m = stored - 1; m >= 0; m--) {
            int i = Math.floorMod(next - 1 - m, MEMORY);
            double beta = rho[i] * dot(y[i], q);
            axpy(alpha[i] - beta, s[i], q);
        }
        return q;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static void axpy(double a, double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) {
            y[i] += a * x[i];
        }
    }

    private static double[] scaled(double[] v, double a) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = a * v[i];
        }
        return out;
    }

    private static double norm(double[] v) {
        return Math.sqrt(dot(v, v));
    }

    private static double maxAbs(double[] v) {
        double m = 0;
        for (double x : v) {
            m = Math.max(m, Math.abs(x));
        }
        return m;
    }

    private static double[] filled(int n, double v) {
        double[] a = new double[n];
        Arrays.fill(a, v);
        return a;
    }
}
