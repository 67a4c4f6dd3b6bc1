package org.masrrepro.masr.mining;

/**
 * Batch-hard mining (eq. 3 of the paper): k+ = argmax over positives of d(p_i, p_k), k- = argmin over negatives,
 * with d the cosine distance 1 - cos. Rules: the anchor itself is not its own positive; an anchor with no other
 * same-label item or no other-label item gets no triplet; ties go to the lowest index; a zero vector has cosine 0
 * with everything.
 */
public final class HardTripletMiner {

    private HardTripletMiner() {}

    public static Triplets mine(float[][] p, int[] labels) {
        int b = p.length;
        double[][] d = cosineDistances(p);
        int[] pos = new int[b];
        int[] neg = new int[b];
        for (int i = 0; i < b; i++) {
            int kp = -1;
            int kn = -1;
            for (int k = 0; k < b; k++) {
                if (k == i) {
                    continue;
                }
                if (labels[k] == labels[i]) {
                    if (kp < 0 || d[i][k] > d[i][kp]) {
                        kp = k;
                    }
                } else if (kn < 0 || d[i][k] < d[i][kn]) {
                    kn = k;
                }
            }
            pos[i] = kp;
            neg[i] = kn;
        }
        return new Triplets(pos, neg);
    }

    /** Pairwise cosine distances 1 - cos (cos = 0 when either vector is zero). */
    public static double[][] cosineDistances(float[][] p) {
        int b = p.length;
        double[] norm = new double[b];
        for (int i = 0; i < b; i++) {
            double s = 0;
            for (float v : p[i]) {
                s += v * (double) v;
            }
            norm[i] = Math.sqrt(s);
        }
        double[][] d = new double[b][b];
        for (int i = 0; i < b; i++) {
            for (int k = 0; k < b; k++) {
                double dot = 0;
                for (int j = 0; j < p[i].length; j++) {
                    dot += p[i][j] * (double) p[k][j];
                }
                double cos = norm[i] == 0 || norm[k] == 0 ? 0 : dot / (norm[i] * norm[k]);
                d[i][k] = 1 - cos;
            }
        }
        return d;
    }

    /** Rows of {@code q} each followed by {@code alpha * e}: p = [q; alpha e] (eq. 1). */
    public static float[][] concat(float[][] q, float[][] e, double alpha) {
        float[][] out = new float[q.length][];
        for (int i = 0; i < q.length; i++) {
            out[i] = new float[q[i].length + e[i].length];
            System.arraycopy(q[i], 0, out[i], 0, q[i].length);
            for (int j = 0; j < e[i].length; j++) {
                out[i][q[i].length + j] = (float) (alpha * e[i][j]);
            }
        }
        return out;
    }
}
