package org.masrrepro.datasets.features;

import java.util.Locale;

/**
 * Computes log-mel filterbank features. Defaults reproduce {@code torchaudio.transforms.MelSpectrogram(
 * sample_rate=16000, n_fft=512, win_length=400, hop_length=160, n_mels=80, f_min=0, f_max=8000, center=True,
 * pad_mode="reflect", power=2.0, norm=None, mel_scale="htk")} (periodic Hann window of 400 samples, zero-padded
 * symmetrically to 512 as {@code torch.stft} does) followed by {@code torch.log(x.clamp(min=1e-6))}.
 *
 * <p>Frames are centred: frame {@code t} covers samples {@code t*hop - n_fft/2 .. t*hop + n_fft/2 - 1}, with reflect
 * padding at both ends, so there are {@code 1 + n / hop} frames. Arithmetic is in double precision and rounded to
 * float once at the end. Instances are immutable and thread-safe; each {@link #compute} call owns its buffers.
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
    private final int windowStart;     // first non-zero window index within the FFT frame
    private final double[] window;     // periodic Hann, windowLength values
    private final int[] windowSlot;    // FFT buffer position of each windowed sample (bit-reversal folded in)
    private final int[] zeroSlots;     // FFT buffer positions outside the window, cleared once per call
    private final RealFft fft;
    private final MelFilterbank mel;

    private LogMel(Builder b) {
        sampleRate = b.sampleRate;
        numMels = b.numMels;
        windowLength = b.windowLength != null ? b.windowLength : (int) Math.round(b.windowMs * sampleRate / 1000.0);
        hop = b.hopLength != null ? b.hopLength : (int) Math.round(b.hopMs * sampleRate / 1000.0);
        fftSize = b.fftSize;
        fMin = b.fMin;
        fMax = b.fMax != null ? b.fMax : sampleRate / 2.0;
        logFloor = b.logFloor;
        check(sampleRate > 0, "sample rate must be positive: " + sampleRate);
        check(numMels > 0, "n_mels must be positive: " + numMels);
        check(hop > 0, "hop must be at least one sample: " + hop);
        check(windowLength > 0 && windowLength <= fftSize,
                "window of " + windowLength + " samples must fit the FFT size " + fftSize);
        check(fMin >= 0 && fMin < fMax && fMax <= sampleRate / 2.0,
                "need 0 <= f_min < f_max <= sample_rate/2, found " + fMin + ", " + fMax);
        check(logFloor > 0, "log floor must be positive: " + logFloor);
        fft = new RealFft(fftSize);
        mel = new MelFilterbank(numMels, fftSize / 2 + 1, sampleRate, fMin, fMax);
        windowStart = (fftSize - windowLength) / 2; // torch.stft centres a short window in n_fft
        window = new double[windowLength];
        windowSlot = new int[windowLength];
        for (int i = 0; i < windowLength; i++) {
            window[i] = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / windowLength);
            windowSlot[i] = fft.slot(windowStart + i);
        }
        zeroSlots = new int[fftSize - windowLength];
        int z = 0;
        for (int i = 0; i < fftSize; i++) {
            if (i < windowStart || i >= windowStart + windowLength) {
                zeroSlots[z++] = fft.slot(i);
            }
        }
    }

    private static void check(boolean ok, String why) {
        if (!ok) {
            throw new IllegalArgumentException("log-mel: " + why);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    static double hzToMel(double f) {
        return MelFilterbank.hzToMel(f);
    }

    /** Number of frames for {@code n} samples (centred frames: {@code 1 + n / hop}). */
    public int numFrames(int n) {
        return 1 + n / hop;
    }

    public int numMels() {
        return numMels;
    }

    public int sampleRate() {
        return sampleRate;
    }

    public int hopLength() {
        return hop;
    }

    /** Log-mel of {@code samples} (at {@link #sampleRate()}) as {@code [frames][numMels]}. */
    public float[][] compute(float[] samples) {
        int n = samples.length;
        int frames = numFrames(n);
        float[][] out = new float[frames][numMels];
        double[] buf = fft.newBuffer();
        double[] power = new double[fftSize / 2 + 1];
        int pad = fftSize / 2;
        for (int t = 0; t < frames; t++) {
            // Clear outside the window every frame: the FFT works in place over the whole buffer.
            for (int s : zeroSlots) {
                buf[s] = 0;
            }
            int first = t * hop - pad + windowStart; // signal index of window sample 0
            if (first >= 0 && first + windowLength <= n) {
                for (int i = 0; i < windowLength; i++) {
                    buf[windowSlot[i]] = samples[first + i] * window[i];
                }
            } else {
                for (int i = 0; i < windowLength; i++) {
                    buf[windowSlot[i]] = n == 0 ? 0 : samples[reflect(first + i, n)] * window[i];
                }
            }
            fft.power(buf, power);
            float[] row = out[t];
            for (int m = 0; m < numMels; m++) {
                row[m] = (float) Math.log(Math.max(mel.apply(m, power), logFloor));
            }
        }
        return out;
    }

    /** numpy/torch "reflect" padding (edge not repeated), extended periodically for signals shorter than the pad. */
    static int reflect(int i, int n) {
        if (n == 1) {
            return 0;
        }
        int period = 2 * (n - 1);
        int k = Math.floorMod(i, period);
        return k < n ? k : period - k;
    }

    /** Canonical description of every parameter (used in cache keys and provenance). */
    public String describe() {
        return String.format(Locale.ROOT,
                "logmel(sr=%d,n_mels=%d,win=%d,hop=%d,n_fft=%d,fmin=%.1f,fmax=%.1f,window=hann-periodic,center=reflect,"
                        + "power=2,mel=htk,norm=none,log_floor=%.1e)",
                sampleRate, numMels, windowLength, hop, fftSize, fMin, fMax, logFloor);
    }

    /** Configures a {@link LogMel}; every parameter is optional and defaults to the torchaudio settings above. */
    public static final class Builder {
        private int sampleRate = 16000;
        private int numMels = 80;
        private double windowMs = 25;
        private Integer windowLength;
        private double hopMs = 10;
        private Integer hopLength;
        private int fftSize = 512;
        private double fMin = 0;
        private Double fMax;
        private double logFloor = 1e-6;

        private Builder() {}

        /** Sample rate in Hz (default 16000). */
        public Builder optSampleRate(int sampleRate) {
            this.sampleRate = sampleRate;
            return this;
        }

        /** Number of mel bands (default 80). */
        public Builder optNumMels(int numMels) {
            this.numMels = numMels;
            return this;
        }

        /** Window length in ms (default 25), rounded to samples; {@link #optWindowLength} takes precedence. */
        public Builder optWindowMs(double windowMs) {
            this.windowMs = windowMs;
            return this;
        }

        /** Window length in samples (default: 25 ms = 400 at 16 kHz). */
        public Builder optWindowLength(int samples) {
            this.windowLength = samples;
            return this;
        }

        /** Hop in ms (default 10), rounded to samples; {@link #optHopLength} takes precedence. */
        public Builder optHopMs(double hopMs) {
            this.hopMs = hopMs;
            return this;
        }

        /** Hop in samples (default: 10 ms = 160 at 16 kHz). */
        public Builder optHopLength(int samples) {
            this.hopLength = samples;
            return this;
        }

        /** FFT size, a power of two >= the window (default 512). */
        public Builder optFftSize(int fftSize) {
            this.fftSize = fftSize;
            return this;
        }

        /** Lowest filterbank frequency in Hz (default 0). */
        public Builder optFMin(double fMin) {
            this.fMin = fMin;
            return this;
        }

        /** Highest filterbank frequency in Hz (default sample_rate / 2). */
        public Builder optFMax(double fMax) {
            this.fMax = fMax;
            return this;
        }

        /** Mel energies are clamped to at least this before the log (default 1e-6). */
        public Builder optLogFloor(double logFloor) {
            this.logFloor = logFloor;
            return this;
        }

        public LogMel build() {
            return new LogMel(this);
        }
    }
}
