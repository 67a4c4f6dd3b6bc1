package org.masrrepro.masr.encoders;

/** A fixed (not learnable) metadata encoder pi_j: a label to a real vector e (section 3.2), l2-normalised. */
public interface MetadataEncoder {

    /** Short name for logs and provenance, e.g. {@code lang2vec-syntactic}. */
    String name();

    /** The encoding of a label (a language code, a transcript...). */
    float[] encode(String label);

    /** Scales a vector to unit l2 norm (a zero vector stays zero). */
    static float[] unit(float[] v) {
        double s = 0;
        for (float x : v) {
            s += x * (double) x;
        }
        float[] out = v.clone();
        if (s > 0) {
            double inv = 1 / Math.sqrt(s);
            for (int i = 0; i < out.length; i++) {
                out[i] = (float) (out[i] * inv);
            }
        }
        return out;
    }
}
