package org.masrrepro.baselines.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import ai.djl.util.PairList;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * AdamW (Loshchilov and Hutter 2019) whose moments we own, so they are saved with checkpoints and training resumes
 * exactly. Gradients are clipped by their global L2 norm first. Weight decay applies to parameters of rank >= 2
 * (weights), not to biases or normalisation gains.
 */
public final class AdamW {

    private final OptimizerConfig config;
    private final NDManager manager;
    private final Map<String, NDArray> m = new LinkedHashMap<>();
    private final Map<String, NDArray> v = new LinkedHashMap<>();

    public AdamW(OptimizerConfig config, NDManager manager) {
        this.config = config;
        this.manager = manager;
    }

    /**
     * Applies one update with learning rate {@code lr} at 1-based update count {@code t} to the parameters accepted
     * by {@code trainable}; zeroes every parameter's gradient. Returns the global gradient norm before clipping.
     */
    public double step(PairList<String, Parameter> params, double lr, long t, Predicate<String> trainable) {
        return step(params, lr, t, trainable, gradientNorm(params, trainable), name -> 1.0);
    }

    /** Global L2 norm of the gradients of the trainable parameters (not finite when any gradient is not). */
    public static double gradientNorm(PairList<String, Parameter> params, Predicate<String> trainable) {
        double sq = 0;
        for (Pair<String, Parameter> p : params) {
            NDArray w = p.getValue().getArray();
            if (trainable.test(p.getKey()) && w.hasGradient()) {
                sq += w.getGradient().pow(2).sum().getFloat();
            }
        }
        return Math.sqrt(sq);
    }

    /** Sets every gradient to zero (also NaN ones, which subtraction would keep). */
    public static void zeroGradients(PairList<String, Parameter> params) {
        for (Pair<String, Parameter> p : params) {
            NDArray w = p.getValue().getArray();
            if (w.hasGradient()) {
                w.getGradient().set(new ai.djl.ndarray.index.NDIndex("..."), 0f);
            }
        }
    }

    /**
     * {@link #step(PairList, double, long, Predicate)} with the gradient norm already computed and each parameter's
     * learning rate multiplied by {@code lrScale} of its name.
     */
    public double step(PairList<String, Parameter> params, double lr, long t, Predicate<String> trainable, double norm,
            java.util.function.ToDoubleFunction<String> lrScale) {
        double scale = config.clipGradNorm() > 0 && norm > config.clipGradNorm() ? config.clipGradNorm() / (norm + 1e-6) : 1;
        double b1 = config.beta1();
        double b2 = config.beta2();
        double c1 = 1 - Math.pow(b1, t);
        double c2 = 1 - Math.pow(b2, t);
        for (Pair<String, Parameter> p : params) {
            NDArray w = p.getValue().getArray();
            if (!w.hasGradient()) {
                continue;
            }
            NDArray g = w.getGradient();
            if (trainable.test(p.getKey())) {
                NDArray grad = scale == 1 ? g : g.mul((float) scale);
                NDArray mi = m.computeIfAbsent(p.getKey(), k -> zerosLike(w));
                NDArray vi = v.computeIfAbsent(p.getKey(), k -> zerosLike(w));
                mi.muli((float) b1).addi(grad.mul((float) (1 - b1)));
                vi.muli((float) b2).addi(grad.square().mul((float) (1 - b2)));
                NDArray update = mi.div((float) c1).div(vi.div((float) c2).sqrt().add((float) config.epsilon()));
                if (config.weightDecay() > 0 && w.getShape().dimension() >= 2) {
                    update = update.add(w.mul((float) config.weightDecay()));
                }
                w.subi(update.mul((float) (lr * lrScale.applyAsDouble(p.getKey()))));
            }
            g.subi(g);
        }
        return norm;
    }

    private NDArray zerosLike(NDArray w) {
        NDArray z = manager.zeros(w.getShape(), w.getDataType(), w.getDevice());
        ai.djl.ndarray.NDScope.unregister(z); // moments outlive the per-step scope the loop opens around step()
        return z;
    }

    /** Writes both moments of every parameter that has them. */
    public void save(DataOutputStream out) throws IOException {
        out.writeInt(m.size());
        for (String k : m.keySet()) {
            out.writeUTF(k);
            write(out, m.get(k));
            write(out, v.get(k));
        }
    }

    /** Restores moments written by {@link #save}. */
    public void load(DataInputStream in) throws IOException {
        m.clear();
        v.clear();
        int n = in.readInt();
        for (int i = 0; i < n; i++) {
            String k = in.readUTF();
            m.put(k, read(in));
            v.put(k, read(in));
        }
    }

    private static void write(DataOutputStream out, NDArray a) throws IOException {
        byte[] b = a.encode();
        out.writeInt(b.length);
        out.write(b);
    }

    private NDArray read(DataInputStream in) throws IOException {
        byte[] b = new byte[in.readInt()];
        in.readFully(b);
        return NDArray.decode(manager, b);
    }
}
