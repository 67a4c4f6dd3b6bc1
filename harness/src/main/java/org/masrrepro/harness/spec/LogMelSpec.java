package org.masrrepro.harness.spec;

/** Log-mel filterbank (HTK mel scale, Hann window, power spectrum, log clamped at 1e-6), torchaudio-compatible. */
@TypeName("log-mel")
public record LogMelSpec(
        @Doc("mel bins") int numMels,
        @Doc("analysis window in ms") double windowMs,
        @Doc("hop in ms") double hopMs,
        @Doc("FFT size in samples") int fftSize) implements FeatureSpec {

    public LogMelSpec {
        Check.positive("num_mels", numMels);
        Check.positive("window_ms", windowMs);
        Check.positive("hop_ms", hopMs);
        Check.that(Integer.bitCount(fftSize) == 1, "fft_size must be a power of two, found " + fftSize);
        Check.that(fftSize >= windowMs * 16, "fft_size " + fftSize + " is shorter than the window at 16 kHz");
    }

    @Override
    public int dim() {
        return numMels;
    }
}
