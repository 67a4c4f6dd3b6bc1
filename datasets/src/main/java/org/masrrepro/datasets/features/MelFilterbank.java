package org.masrrepro.datasets.features;

/**
 * Triangular HTK-mel filterbank without area normalisation, as {@code torchaudio.functional.melscale_fbanks(...,
 * norm=None, mel_scale="htk")}: band edges equally spaced in mel between f_min and f_max, FFT bins at
 * {@code linspace(0, sr/2, n_fft/2+1)}. Stored sparsely (each band only over its non-zero bins).
 */
final class MelFilterbank {

    private final int numMels;
    private final int[] start;      // first non-zero bin of band m
    private final int[] length;     // number of non-zero bins of band m
    private final int[] offset;     // index of band m's first weight in weights
    private final double[] weights;

    MelFilterbank(int numMels, int numBins, int sampleRate, double fMin, double fMax) {
        this.numMels = numMels;
        double mMin = hzToMel(fMin);
        double mMax = hzToMel(fMax);
        double[] fPts = new double[numMels + 2];
        for (int i = 0; i < fPts.length; i++) {
            fPts[i] = melToHz(mMin + (mMax - mMin) * i / (numMels + 1));
        }
        start = new int[numMels];
        length = new int[numMels];
        offset = new int[numMels];
        double[] all = new double[numMels * numBins];
        int used = 0;
        for (int m = 0; m < numMels; m++) {
            int first = -1;
            int last = -2;
            for (int k = 0; k < numBins; k++) {
                double f = sampleRate / 2.0 * k / (numBins - 1);
                double down = (f - fPts[m]) / (fPts[m + 1] - fPts[m]);
                double up = (fPts[m + 2] - f) / (fPts[m + 2] - fPts[m + 1]);
                double w = Math.max(0, Math.min(down, up));
                if (w > 0) {
                    if (first < 0) {
                        first = k;
                    }
                    last = k;
                }
            }
            // A band narrower than the bin spacing has no non-zero bin (all-zero row, as in torchaudio).
            start[m] = Math.max(first, 0);
            length[m] = last - first + 1 > 0 ? last - first + 1 : 0;
            offset[m] = used;
            for (int k = start[m]; k < start[m] + length[m]; k++) {
                double f = sampleRate / 2.0 * k / (numBins - 1);
                double down = (f - fPts[m]) / (fPts[m + 1] - fPts[m]);
                double up = (fPts[m + 2] - f) / (fPts[m + 2] - fPts[m + 1]);
                all[used++] = Math.max(0, Math.min(down, up));
            }
        }
        weights = java.util.Arrays.copyOf(all, used);
    }

    static double hzToMel(double f) {
        return 2595.0 * Math.log10(1.0 + f / 700.0);
    }

    static double melToHz(double m) {
        return 700.0 * (Math.pow(10.0, m / 2595.0) - 1.0);
    }

    int numMels() {
        return numMels;
    }

    /** Mel energy of band {@code m} for a power spectrum. */
    double apply(int m, double[] power) {
        int k = start[m];
        int w = offset[m];
        int end = w + length[m];
        double acc = 0;
        for (; w < end; w++, k++) {
            acc += weights[w] * power[k];
        }
        return acc;
    }

    /** Dense weight of FFT bin {@code k} in band {@code m} (for tests). */
    double weight(int m, int k) {
        return k >= start[m] && k < start[m] + length[m] ? weights[offset[m] + k - start[m]] : 0;
    }
}
