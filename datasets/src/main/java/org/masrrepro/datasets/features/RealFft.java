package org.masrrepro.datasets.features;

/**
 * Power spectrum {@code |X[k]|^2, k = 0..n/2} of a real sequence of power-of-two length {@code n}, via one complex
 * radix-2 FFT of length {@code n/2} (even/odd samples packed as real/imaginary parts) and a split step. Twiddles and
 * the bit-reversal permutation are precomputed; instances are immutable and thread-safe (work buffers are passed in).
 */
final class RealFft {

    private final int n;
    private final int half;
    private final int[] bitReverse;   // of the half-length complex FFT
    private final double[] stageCos;  // twiddles of every stage, concatenated: stage of size s holds s/2 entries
    private final double[] stageSin;
    private final double[] splitCos;  // e^{-2 pi i k / n}, k = 0..n/2
    private final double[] splitSin;

    RealFft(int n) {
        if (n < 4 || Integer.bitCount(n) != 1) {
            throw new IllegalArgumentException("FFT size must be a power of two >= 4, found " + n);
        }
        this.n = n;
        this.half = n / 2;
        int bits = Integer.numberOfTrailingZeros(half);
        bitReverse = new int[half];
        for (int i = 0; i < half; i++) {
            bitReverse[i] = bits == 0 ? 0 : Integer.reverse(i) >>> (32 - bits);
        }
        stageCos = new double[half];
        stageSin = new double[half];
        int off = 0;
        for (int size = 2; size <= half; size <<= 1) {
            for (int j = 0; j < size / 2; j++) {
                double a = -2 * Math.PI * j / size;
                stageCos[off + j] = Math.cos(a);
                stageSin[off + j] = Math.sin(a);
            }
            off += size / 2;
        }
        splitCos = new double[half + 1];
        splitSin = new double[half + 1];
        for (int k = 0; k <= half; k++) {
            double a = -2 * Math.PI * k / n;
            splitCos[k] = Math.cos(a);
            splitSin[k] = Math.sin(a);
        }
    }

    int size() {
        return n;
    }

    /** Work buffer the caller owns: {@code n} doubles (packed complex input, then spectrum). */
    double[] newBuffer() {
        return new double[n];
    }

    /**
     * Stores real sample {@code value} at index {@code i} of the input in {@code buf}, already permuted for the FFT.
     * Every index {@code 0..n-1} must be set (zeros included) before {@link #power}.
     */
    void set(double[] buf, int i, double value) {
        int p = bitReverse[i >> 1] << 1;
        buf[p + (i & 1)] = value;
    }

    /** Position in {@code buf} of input index {@code i}; lets a caller fill without a call per sample. */
    int slot(int i) {
        return (bitReverse[i >> 1] << 1) + (i & 1);
    }

    /** Transforms the input loaded into {@code buf} and writes {@code |X[k]|^2} for k = 0..n/2 to {@code power}. */
    void power(double[] buf, double[] power) {
        complexFft(buf);
        // k = 0 and k = n/2 from Z[0] = (sum even) + i (sum odd)
        double r0 = buf[0];
        double i0 = buf[1];
        power[0] = (r0 + i0) * (r0 + i0);
        power[half] = (r0 - i0) * (r0 - i0);
        for (int k = 1; k < half; k++) {
            double a = buf[2 * k];
            double b = buf[2 * k + 1];
            double c = buf[2 * (half - k)];
            double d = buf[2 * (half - k) + 1];
            // even part Fe = (Z[k] + conj Z[m-k]) / 2, odd part Fo = (Z[k] - conj Z[m-k]) / 2i; X = Fe + W^k Fo
            double fer = 0.5 * (a + c);
            double fei = 0.5 * (b - d);
            double for_ = 0.5 * (b + d);
            double foi = -0.5 * (a - c);
            double wr = splitCos[k];
            double wi = splitSin[k];
            double xr = fer + wr * for_ - wi * foi;
            double xi = fei + wr * foi + wi * for_;
            power[k] = xr * xr + xi * xi;
        }
    }

    /** In-place iterative radix-2 DIT FFT of {@code half} interleaved complex values in bit-reversed order. */
    private void complexFft(double[] z) {
        int off = 0;
        for (int size = 2; size <= half; size <<= 1) {
            int h = size >> 1;
            for (int start = 0; start < half; start += size) {
                for (int j = 0; j < h; j++) {
                    double wr = stageCos[off + j];
                    double wi = stageSin[off + j];
                    int a = (start + j) << 1;
                    int b = (start + j + h) << 1;
                    double br = z[b];
                    double bi = z[b + 1];
                    double tr = br * wr - bi * wi;
                    double ti = br * wi + bi * wr;
                    double ar = z[a];
                    double ai = z[a + 1];
                    z[b] = ar - tr;
                    z[b + 1] = ai - ti;
                    z[a] = ar + tr;
                    z[a + 1] = ai + ti;
                }
            }
            off += h;
        }
    }
}
