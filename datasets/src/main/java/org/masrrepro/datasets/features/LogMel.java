package org.masrrepro.datasets.features;

import java.util.Locale;

/**
 * 80-dim log-mel filterbank matching {@code torchaudio.transforms.MelSpectrogram(sample_rate=16000, n_fft=512,
 * win_length=400, hop_length=160, n_mels=80, center=True, pad_mode="reflect", power=2.0, norm=None,
 * mel_scale="htk")} followed by {@code log(clamp(x, min=1e-6))} (defaults; every parameter can be changed).
 * Instances are immutable and thread-safe; buffers are per call.
 */
public final class LogMel {

    private final int sampleRate;
    private final int numMels;
    private final int windowLength;
    private final int hop;
    private final int fftSize;
    private final double fMin;
    private final double fMax;
    private final double logFloor;
    private final double[] window;   // periodic Hann of windowLength, centered in fftSize (zeros around)
    private final int[] melStart;    // first FFT bin with non-zero weight per mel band
    private final double[][] melWeights;
    private final double[] cos;
    private final double[] sin;
    private final int[] bitReverse;

    private LogMel(Builder b) {
        this.sampleRate = b.sampleRate;
        this.numMels = b.numMels;
        this.windowLength = (int) Math.round(b.windowMs * b.sampleRate / 1000.0);
        this.hop = (int) Math.round(b.hopMs * b.sampleRate / 1000.0);
        this.fftSize = b.fftSize;
        this.fMin = b.fMin;
        this.fMax = b.fMax;
        this.logFloor = b.logFloor;
        if (Integer.bitCount(fftSize) != 1 || windowLength > fftSize) {
            throw new IllegalArgumentException("fft size " + fftSize + " must be a power of two >= window " + windowLength);
        }
        window = new double[fftSize];
        int left = (fftSize - windowLength) / 2; // torch.stft pads a short window equally on both sides
        for (int i = 0; i < windowLength; i++) {
            window[left + i] = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / windowLength);
        }
        int numBins = fftSize / 2 + 1;
        double mMin = hzToMel(fMin);
        double mMax = hzToMel(fMax);
        double[] fPts = new double[numMels + 2];
        for (int i = 0; i < fPts.length; i++) {
            fPts[i] = melToHz(mMin + (mMax - mMin) * i / (numMels + 1));
        }
        melStart = new int[numMels];
        melWeights = new double[numMels][];
        for (int m = 0; m < numMels; m++) {
            double[] w = new double[numBins];
            int first = -1;
            int last = -1;
            for (int k = 0; k < numBins; k++) {
                double f = (double) sampleRate / 2 * k / (numBins - 1);
                double down = (f - fPts[m]) / (fPts[m + 1] - fPts[m]);
                double up = (fPts[m + 2] - f) / (fPts[m + 2] - fPts[m + 1]);
                w[k] = Math.max(0, Math.min(down, up));
                if (w[k] > 0) {
                    if (first < 0) {
                        first = k;
                    }
                    last = k;
                }
            }
            if (first < 0) {
                first = 0;
                last = -1;
            }
            melStart[m] = first;
            melWeights[m] = java.util.Arrays.copyOfRange(w, first, last + 1);
        }
        cos = new double[fftSize / 2];
        sin = new double[fftSize / 2];
        for (int i = 0; i < fftSize / 2; i++) {
            cos[i] = Math.cos(-2 * Math.PI * i / fftSize);
            sin[i] = Math.sin(-2 * Math.PI * i / fftSize);
        }
        int bits = Integer.numberOfTrailingZeros(fftSize);
        bitReverse = new int[fftSize];
        for (int i = 0; i < fftSize; i++) {
            bitReverse[i] = Integer.reverse(i) >>> (32 - bits);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    static double hzToMel(double f) {
        return 2595.0 * Math.log10(1.0 + f / 700.0);
    }

    static double melToHz(double m) {
        return 700.0 * (Math.pow(10.0, m / 2595.0) - 1.0);
    }

    /** Number of frames for {@code n} samples (centered frames: {@code 1 + n / hop}). */
    public int numFrames(int n) {
        return 1 + n / hop;
    }

    public int numMels() {
        return numMels;
    }

    /** Log-mel of 16 kHz samples as {@code [frames][numMels]}. */
    public float[][] compute(float[] samples) {
        int n = samples.length;
        int pad = fftSize / 2;
        int frames = numFrames(n);
        float[][] out = new float[frames][numMels];
        double[] re = new double[fftSize];
        double[] im = new double[fftSize];
        double[] power = new double[fftSize / 2 + 1];
        for (int t = 0; t < frames; t++) {
            int start = t * hop - pad;
            for (int i = 0; i < fftSize; i++) {
                int src = reflect(start + i, n);
                double v = window[i] == 0 ? 0 : samples[src] * window[i];
                re[bitReverse[i]] = v;
                im[bitReverse[i]] = 0;
            }
            fft(re, im);
            for (int k = 0; k <= fftSize / 2; k++) {
                power[k] = re[k] * re[k] + im[k] * im[k];
            }
            float[] row = out[t];
            for (int m = 0; m < numMels; m++) {
                double[] w = melWeights[m];
                int k0 = melStart[m];
                double acc = 0;
                for (int j = 0; j < w.length; j++) {
                    acc += w[j] * power[k0 + j];
                }
                row[m] = (float) Math.log(Math.max(acc, logFloor));
            }
        }
        return out;
    }

    private static int reflect(int i, int n) {
        if (n == 1) {
            return 0;
        }
        int period = 2 * (n - 1);
        int k = Math.floorMod(i, period);
        return k < n ? k : period - k;
    }

    /** In-place iterative radix-2 FFT of bit-reversed input. */
    private void fft(double[] re, double[] im) {
        int n = fftSize;
        for (int size = 2; size <= n; size <<= 1) {
            int halfSize = size >> 1;
            int step = n / size;
            for (int i = 0; i < n; i += size) {
                for (int j = 0; j < halfSize; j++) {
                    double wr = cos[j * step];
                    double wi = sin[j * step];
                    int a = i + j;
                    int b = a + halfSize;
                    double tr = re[b] * wr - im[b] * wi;
                    double ti = re[b] * wi + im[b] * wr;
                    re[b] = re[a] - tr;
                    im[b] = im[a] - ti;
                    re[a] += tr;
                    im[a] += ti;
                }
            }
        }
    }

    /** Canonical description of every parameter (for cache keys and provenance). */
    public String describe() {
        return String.format(Locale.ROOT,
                "logmel(sr=%d,n_mels=%d,win=%d,hop=%d,n_fft=%d,fmin=%.1f,fmax=%.1f,window=hann-periodic,center=reflect,"
                        + "power=2,mel=htk,norm=none,log_floor=%.1e)",
                sampleRate, numMels, windowLength, hop, fftSize, fMin, fMax, logFloor);
    }

    /** Configures a {@link LogMel}; defaults are the torchaudio settings in the class comment. */
    public static final class Builder {
        private int sampleRate = 16000;
        private int numMels = 80;
        private double windowMs = 25;
        private double hopMs = 10;
        private int fftSize = 512;
        private double fMin = 0;
        private Double fMax;
        private double logFloor = 1e-6;

        public Builder optSampleRate(int sampleRate) {
            this.sampleRate = sampleRate;
            return this;
        }

        public Builder optNumMels(int numMels) {
            this.numMels = numMels;
            return this;
        }

        public Builder optWindowMs(double windowMs) {
            this.windowMs = windowMs;
            return this;
        }

        public Builder optHopMs(double hopMs) {
            this.hopMs = hopMs;
            return this;
        }

        public Builder optFftSize(int fftSize) {
            this.fftSize = fftSize;
            return this;
        }

        public Builder optFMin(double fMin) {
            this.fMin = fMin;
            return this;
        }

        public Builder optFMax(double fMax) {
            this.fMax = fMax;
            return this;
        }

        public Builder optLogFloor(double logFloor) {
            this.logFloor = logFloor;
            return this;
        }

        public LogMel build() {
            if (fMax == null) {
                fMax = sampleRate / 2.0;
            }
            return new LogMel(this);
        }
    }
}
