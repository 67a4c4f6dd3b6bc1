package org.masrrepro.baselines.asr;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.masrrepro.baselines.nn.ScalarOps;

import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Connectionist temporal classification loss (Graves et al. 2006) of logits (B, T, C), blank = class 0, with its
 * gradient with respect to the LOGITS (the log-softmax over C is part of the loss), computed in plain Java and
 * handed to DJL autograd through a surrogate; matches {@code torch.nn.functional.ctc_loss(log_softmax(logits))}.
 *
 * <p>Forward-backward runs in probability space with per-frame rescaling (Rabiner's scaled recursions) in double
 * precision: alpha_t and beta_t are normalised to sum 1 at every frame and log p = sum of the log scales. This equals
 * the log-space recursion (no underflow: every frame is rescaled, and emissions are taken relative to the frame's
 * largest logit) but needs no exp/log inside the lattice loop, which is what makes it as fast as PyTorch's native
 * kernel. An emission more than ~745 nats below its frame's best class underflows to 0, far below anything a
 * trained network outputs.
 *
 * <p>Per utterance b with input length T_b and target y_b: loss_b = -log p(y_b | x_b); frames from T_b on get a zero
 * gradient. Reductions as torch: {@code MEAN} = (1/B) sum_b loss_b / max(|y_b|, 1), {@code SUM} = sum_b loss_b. An
 * infeasible utterance (T_b below |y_b| plus its adjacent repeats) has loss +inf and NaN gradient, as in torch;
 * {@code zeroInfinity} makes both 0 instead.
 */
public final class CtcLoss {

    /** How per-utterance losses are combined, as torch's {@code reduction}. */
    public enum Reduction { MEAN, SUM }

    /**
     * Loss and gradient of one batch.
     *
     * @param loss         the reduced loss
     * @param perUtterance loss_b before reduction (+inf when infeasible and zeroInfinity is off)
     * @param grad         d loss / d logits, (B, T, C) row-major
     * @param infeasible   utterances whose target cannot fit their input length
     */
    public record Result(double loss, double[] perUtterance, float[] grad, int infeasible) {}

    private final Reduction reduction;
    private final boolean zeroInfinity;

    private CtcLoss(Reduction reduction, boolean zeroInfinity) {
        this.reduction = reduction;
        this.zeroInfinity = zeroInfinity;
    }

    /** CTC with the given reduction; {@code zeroInfinity} as torch's option of that name. */
    public static CtcLoss of(Reduction reduction, boolean zeroInfinity) {
        return new CtcLoss(reduction, zeroInfinity);
    }

    /**
     * Loss and gradient of logits (B, T, C) row-major; {@code inputLengths[b]} in [0, T]; {@code targets[b]} holds
     * labels in [1, C).
     */
    public Result compute(float[] logits, int batch, int time, int classes, int[] inputLengths, int[][] targets) {
        if (logits.length != (long) batch * time * classes) {
            throw new IllegalArgumentException("logits hold " + logits.length + " values, expected B*T*C = "
                    + batch + "*" + time + "*" + classes);
        }
        if (inputLengths.length != batch || targets.length != batch) {
            throw new IllegalArgumentException(inputLengths.length + " input lengths and " + targets.length
                    + " targets for a batch of " + batch);
        }
        float[] grad = new float[logits.length];
        double[] per = new double[batch];
        double total = 0;
        int infeasible = 0;
        for (int b = 0; b < batch; b++) {
            if (inputLengths[b] < 0 || inputLengths[b] > time) {
                throw new IllegalArgumentException("input length " + inputLengths[b] + " of utterance " + b
                        + " outside [0, " + time + "]");
            }
            for (int label : targets[b]) {
                if (label <= 0 || label >= classes) {
                    throw new IllegalArgumentException("target label " + label + " of utterance " + b
                            + " outside [1, " + classes + ") (0 is the blank)");
                }
            }
            double scale = reduction == Reduction.MEAN ? 1.0 / (batch * Math.max(targets[b].length, 1)) : 1.0;
            per[b] = utterance(logits, b * time * classes, inputLengths[b], classes, targets[b], grad, scale);
            infeasible += Double.isInfinite(per[b]) ? 1 : 0;
            if (Double.isInfinite(per[b]) && zeroInfinity) {
                per[b] = 0;
                Arrays.fill(grad, b * time * classes, (b + 1) * time * classes, 0f);
            }
            total += per[b] * scale;
        }
        return new Result(total, per, grad, infeasible);
    }

    /**
     * Differentiable CTC loss (a 0-d array) of {@code logits} (B, T, C). The gradient G is computed here and reaches
     * autograd through the surrogate {@code sum(logits * G) - stopGradient(sum(logits * G)) + L}: its value is L
     * and its gradient with respect to the logits is exactly G.
     */
    public NDArray loss(NDArray logits, int[] inputLengths, int[][] targets) {
        return loss(logits, inputLengths, targets, r -> { });
    }

    /** As {@link #loss(NDArray, int[], int[][])}, also handing the Java-side result (per-utterance losses) to {@code sink}. */
    public NDArray loss(NDArray logits, int[] inputLengths, int[][] targets, Consumer<Result> sink) {
        Shape s = logits.getShape();
        if (s.dimension() != 3) {
            throw new IllegalArgumentException("logits must be (B, T, C), found " + s);
        }
        int b = (int) s.get(0);
        int t = (int) s.get(1);
        int c = (int) s.get(2);
        Result r = compute(logits.toType(DataType.FLOAT32, false).toFloatArray(), b, t, c, inputLengths, targets);
        NDArray g = logits.getManager().create(r.grad(), s).toDevice(logits.getDevice(), false)
                .toType(logits.getDataType(), false);
        sink.accept(r);
        NDArray dot = logits.mul(g).sum();
        return dot.sub(dot.stopGradient()).add(ScalarOps.constant(dot, r.loss()));
    }

    /**
     * -log p(target | frames) of one utterance; adds scale * d/d logits to {@code grad} (NaN when infeasible).
     * States s = 0..2L: even s are blanks, odd s = 2i+1 emit target[i].
     */
    private static double utterance(float[] logits, int off, int len, int c, int[] target, float[] grad, double scale) {
        int l = target.length;
        int states = 2 * l + 1;
        int repeats = 0;
        for (int i = 1; i < l; i++) {
            if (target[i] == target[i - 1]) {
                repeats++;
            }
        }
        if (len < l + repeats) {
            Arrays.fill(grad, off, off + len * c, Float.NaN);
            return Double.POSITIVE_INFINITY;
        }
        if (len == 0) {
            return 0; // empty input, empty target: the empty path has probability 1
        }
        int[] label = new int[states];
        boolean[] skip = new boolean[states]; // may s be entered from s - 2 (a label differing from the previous one)
        for (int s = 0; s < states; s++) {
            label[s] = (s & 1) == 0 ? 0 : target[s >> 1];
            skip[s] = (s & 1) == 1 && s >= 3 && target[s >> 1] != target[(s >> 1) - 1];
        }
        // Softmax probabilities per frame, computed relative to the frame's maximum logit.
        double[] y = new double[len * c];
        for (int t = 0; t < len; t++) {
            int base = off + t * c;
            double max = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < c; k++) {
                max = Math.max(max, logits[base + k]);
            }
            double sum = 0;
            for (int k = 0; k < c; k++) {
                double e = Math.exp(logits[base + k] - max);
                y[t * c + k] = e;
                sum += e;
            }
            double inv = 1.0 / sum;
            for (int k = 0; k < c; k++) {
                y[t * c + k] *= inv;
            }
        }
        // alpha[t][s], each frame normalised to sum 1; logP accumulates the log normalisers.
        double[] alpha = new double[len * states];
        double logP = 0;
        alpha[0] = y[0];
        if (states > 1) {
            alpha[1] = y[label[1]];
        }
        logP += normalise(alpha, 0, states);
        for (int t = 1; t < len; t++) {
            int cur = t * states;
            int prev = cur - states;
            // Only states that can still reach the end are needed; the rest stay 0 (cheap bounds, exact result).
            int lo = Math.max(0, states - 2 * (len - t));
            int hi = Math.min(states - 1, 2 * t + 1);
            for (int s = lo; s <= hi; s++) {
                double a = alpha[prev + s];
                if (s >= 1) {
                    a += alpha[prev + s - 1];
                }
                if (skip[s]) {
                    a += alpha[prev + s - 2];
                }
                alpha[cur + s] = a * y[t * c + label[s]];
            }
            double z = normalise(alpha, cur, states);
            if (z == Double.NEGATIVE_INFINITY) {
                Arrays.fill(grad, off, off + len * c, Float.NaN);
                return Double.POSITIVE_INFINITY; // every path underflowed: treat as infeasible
            }
            logP += z;
        }
        int last = (len - 1) * states;
        double end = alpha[last + states - 1] + (states > 1 ? alpha[last + states - 2] : 0);
        if (end <= 0) {
            Arrays.fill(grad, off, off + len * c, Float.NaN);
            return Double.POSITIVE_INFINITY;
        }
        logP += Math.log(end);
        // beta[s] at frame t: probability of the rest of the path from t + 1 given state s at t (excluding y_t),
        // normalised per frame. Posterior of state s at t is proportional to alpha_t(s) * beta_t(s).
        double[] beta = new double[states];
        double[] next = new double[states];
        double[] post = new double[c];
        beta[states - 1] = 1;
        if (states > 1) {
            beta[states - 2] = 1;
        }
        for (int t = len - 1; t >= 0; t--) {
            Arrays.fill(post, 0);
            double norm = 0;
            int row = t * states;
            for (int s = 0; s < states; s++) {
                double g = alpha[row + s] * beta[s];
                post[label[s]] += g;
                norm += g;
            }
            int base = off + t * c;
            for (int k = 0; k < c; k++) {
                grad[base + k] = (float) (scale * (y[t * c + k] - post[k] / norm));
            }
            if (t == 0) {
                break;
            }
            // beta_{t-1}(s) = sum over successors s' of y_t(label s') * beta_t(s').
            double sum = 0;
            for (int s = 0; s < states; s++) {
                double v = beta[s] * y[t * c + label[s]];
                if (s + 1 < states) {
                    v += beta[s + 1] * y[t * c + label[s + 1]];
                }
                if (s + 2 < states && skip[s + 2]) {
                    v += beta[s + 2] * y[t * c + label[s + 2]];
                }
                next[s] = v;
                sum += v;
            }
            double inv = 1.0 / sum;
            for (int s = 0; s < states; s++) {
                beta[s] = next[s] * inv;
            }
        }
        return -logP;
    }

    /** Normalises {@code a[from, from + n)} to sum 1; returns the log of the old sum (-inf when it was 0). */
    private static double normalise(double[] a, int from, int n) {
        double sum = 0;
        for (int i = from; i < from + n; i++) {
            sum += a[i];
        }
        if (sum <= 0) {
            return Double.NEGATIVE_INFINITY;
        }
        double inv = 1.0 / sum;
        for (int i = from; i < from + n; i++) {
            a[i] *= inv;
        }
        return Math.log(sum);
    }
}
