package org.masrrepro.masr;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import org.masrrepro.baselines.nn.ScalarOps;
import org.masrrepro.baselines.train.AuxOutput;
import org.masrrepro.baselines.train.AuxiliaryObjective;
import org.masrrepro.baselines.train.Container;
import org.masrrepro.masr.encoders.MetadataEncoder;
import org.masrrepro.masr.mining.HardTripletMiner;
import org.masrrepro.masr.mining.Triplets;

import java.util.Map;

/**
 * LASR and MASR as one auxiliary objective on the pooled embedding h (section 3):
 * <ul>
 *   <li>LASR: mine and compute the hinge on h itself, with language labels;</li>
 *   <li>MASR, combined mining: q = delta(h) (one linear layer), p = [q/|q|; alpha e] with e the l2-normalised
 *       metadata encoding, hard triplets mined on p (eq. 3), hinge on q (eq. 2);</li>
 *   <li>MASR, selection mining: as combined, but triplets mined on e alone.</li>
 * </ul>
 * The hinge [gamma + d(q_i, q_k+) - d(q_i, q_k-)]_+ uses cosine distance and is averaged over anchors that have a
 * triplet (eq. 2 writes a sum; the mean keeps lambda independent of the batch size), then multiplied by lambda.
 */
public final class TripletObjective implements AuxiliaryObjective {

    /** How triplets are mined. */
    public enum Mining { LASR, COMBINED, SELECTION }

    private final String name;
    private final Mining mining;
    private final int[] labels;
    private final float[][] encodings;
    private final double alpha;
    private final double lambda;
    private final double margin;
    private final Block block;
    private final Linear projection;

    private TripletObjective(Builder b) {
        this.name = b.name;
        this.mining = b.mining;
        this.labels = b.labels;
        this.encodings = b.encodings;
        this.alpha = b.alpha;
        this.lambda = b.lambda;
        this.margin = b.margin;
        if (mining == Mining.LASR) {
            projection = null;
            block = new Container();
        } else {
            projection = Linear.builder().setUnits(b.projectionDim).build();
            block = projection;
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Block trainableBlock() {
        return block;
    }

    @Override
    public void initialize(NDManager manager, DataType type, int embeddingDim) {
        if (projection != null) {
            projection.initialize(manager, type, new Shape(1, embeddingDim));
        }
    }

    @Override
    public AuxOutput loss(ParameterStore ps, NDArray pooled, int[] batchItems, boolean training) {
        int b = batchItems.length;
        NDArray q = projection == null ? pooled : projection.forward(ps, new NDList(pooled), training).singletonOrThrow();
        int[] y = new int[b];
        for (int i = 0; i < b; i++) {
            y[i] = labels[batchItems[i]];
        }
        float[][] h = rows(pooled);
        Triplets lasr = HardTripletMiner.mine(h, y);
        Triplets t = switch (mining) {
            case LASR -> lasr;
            case COMBINED -> HardTripletMiner.mine(HardTripletMiner.concat(unitRows(rows(q)), encodingsOf(batchItems), alpha), y);
            case SELECTION -> HardTripletMiner.mine(encodingsOf(batchItems), y);
        };
        int nValid = t.validCount();
        int changed = 0;
        for (int i = 0; i < b; i++) {
            changed += t.valid(i) && t.negative()[i] != lasr.negative()[i] ? 1 : 0;
        }
        NDArray hinge = hinge(q, t, margin);
        // ScalarOps: DJL frees Java-backed scalar operands that autograd still needs (NaN gradients after a GC).
        NDArray loss = ScalarOps.mul(ScalarOps.div(hinge.sum(), Math.max(1, nValid)), lambda);
        float active = nValid == 0 ? 0 : hinge.gt(0).toType(DataType.FLOAT32, false).sum().getFloat() / nValid;
        return new AuxOutput(loss, Map.of(
                "valid_anchors", (float) nValid / b,
                "active_triplets", active,
                "negatives_changed_vs_lasr", nValid == 0 ? 0f : (float) changed / nValid));
    }

    /**
     * Per-anchor hinge [margin + d(q_i, q_k+) - d(q_i, q_k-)]_+ with cosine distance d = 1 - cos, 0 for anchors
     * without a triplet; differentiable in {@code q} (B, d).
     */
    public static NDArray hinge(NDArray q, Triplets t, double margin) {
        int b = (int) q.getShape().get(0);
        float[] sPos = new float[b * b];
        float[] sNeg = new float[b * b];
        float[] valid = new float[b];
        for (int i = 0; i < b; i++) {
            if (t.valid(i)) {
                sPos[i * b + t.positive()[i]] = 1;
                sNeg[i * b + t.negative()[i]] = 1;
                valid[i] = 1;
            }
        }
        NDManager m = q.getManager();
        NDArray qn = q.div(q.norm(new int[] {1}, true).add(1e-8f));
        NDArray cos = qn.matMul(qn.transpose());
        NDArray dPos = cos.mul(m.create(sPos, new Shape(b, b)).toDevice(q.getDevice(), false)).sum(new int[] {1}).neg().add(1f);
        NDArray dNeg = cos.mul(m.create(sNeg, new Shape(b, b)).toDevice(q.getDevice(), false)).sum(new int[] {1}).neg().add(1f);
        return Activation.relu(dPos.sub(dNeg).add((float) margin)).mul(m.create(valid).toDevice(q.getDevice(), false));
    }

    private float[][] encodingsOf(int[] items) {
        float[][] e = new float[items.length][];
        for (int i = 0; i < items.length; i++) {
            e[i] = encodings[items[i]];
        }
        return e;
    }

    private static float[][] rows(NDArray a) {
        int b = (int) a.getShape().get(0);
        int d = (int) a.getShape().get(1);
        float[] flat = a.toFloatArray();
        float[][] out = new float[b][d];
        for (int i = 0; i < b; i++) {
            System.arraycopy(flat, i * d, out[i], 0, d);
        }
        return out;
    }

    private static float[][] unitRows(float[][] x) {
        float[][] out = new float[x.length][];
        for (int i = 0; i < x.length; i++) {
            out[i] = MetadataEncoder.unit(x[i]);
        }
        return out;
    }

    /** Configures a {@link TripletObjective}. */
    public static final class Builder {
        private String name = "masr";
        private Mining mining;
        private int[] labels;
        private float[][] encodings;
        private int projectionDim = 128;
        private double alpha = 1;
        private double lambda = 1;
        private double margin = 0.2;

        public Builder setName(String name) {
            this.name = name;
            return this;
        }

        public Builder setMining(Mining mining) {
            this.mining = mining;
            return this;
        }

        /** Label id of every training item (positives share it). */
        public Builder setLabels(int[] labels) {
            this.labels = labels.clone();
            return this;
        }

        /** Metadata encoding e of every training item (MASR only). */
        public Builder optEncodings(float[][] encodings) {
            this.encodings = encodings;
            return this;
        }

        public Builder optProjectionDim(int projectionDim) {
            this.projectionDim = projectionDim;
            return this;
        }

        public Builder optAlpha(double alpha) {
            this.alpha = alpha;
            return this;
        }

        public Builder setLambda(double lambda) {
            this.lambda = lambda;
            return this;
        }

        public Builder setMargin(double margin) {
            this.margin = margin;
            return this;
        }

        public TripletObjective build() {
            if (mining == null || labels == null) {
                throw new IllegalStateException("mining and labels are required");
            }
            if (mining != Mining.LASR && (encodings == null || encodings.length != labels.length)) {
                throw new IllegalStateException("MASR needs one metadata encoding per training item");
            }
            return new TripletObjective(this);
        }
    }
}
