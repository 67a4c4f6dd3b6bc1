package org.masrrepro.datasets.corpus;

import org.masrrepro.datasets.audio.Augment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Acoustic conditions of an analog corpus, applied alike to every split, each item seeded by its own id: speed
 * perturbation (uniform factor), then band limiting (with a probability), then white noise at an SNR drawn uniformly
 * from a range. Harder conditions make language ID less trivially separable on synthetic speech.
 *
 * @param snrMinDb              lowest SNR in dB; null = no noise
 * @param snrMaxDb              highest SNR in dB (equal to the lowest for a fixed SNR); null = no noise
 * @param bandLimitProbability  share of items band-limited to [bandLowHz, bandHighHz] (0 = none)
 * @param bandLowHz             high-pass corner in Hz
 * @param bandHighHz            low-pass corner in Hz
 * @param speedMin              slowest speed factor (1 = unchanged)
 * @param speedMax              fastest speed factor
 */
public record Conditions(Double snrMinDb, Double snrMaxDb, double bandLimitProbability, double bandLowHz,
        double bandHighHz, double speedMin, double speedMax) {

    /** No degradation. */
    public static final Conditions CLEAN = new Conditions(null, null, 0, 0, 0, 1, 1);

    public Conditions {
        if ((snrMinDb == null) != (snrMaxDb == null)
                || snrMinDb != null && !(Double.isFinite(snrMinDb) && Double.isFinite(snrMaxDb) && snrMinDb <= snrMaxDb)) {
            throw new IllegalArgumentException("noise SNR range must be two finite dB values, low <= high, or both null; "
                    + "got " + snrMinDb + ".." + snrMaxDb);
        }
        if (!(bandLimitProbability >= 0 && bandLimitProbability <= 1)
                || bandLimitProbability > 0 && !(bandLowHz >= 0 && bandHighHz > bandLowHz)) {
            throw new IllegalArgumentException("band limiting needs a probability in [0, 1] and 0 <= low < high Hz; got "
                    + bandLimitProbability + ", " + bandLowHz + ".." + bandHighHz);
        }
        if (!(speedMin > 0.5 && speedMax >= speedMin && speedMax < 2)) {
            throw new IllegalArgumentException("speed range must satisfy 0.5 < min <= max < 2; got " + speedMin + ".."
                    + speedMax);
        }
    }

    /** Whether anything is applied. */
    public boolean isClean() {
        return snrMinDb == null && bandLimitProbability == 0 && speedMin == 1 && speedMax == 1;
    }

    /** The degraded copy of {@code x} (or {@code x} itself when clean); the same seed gives the same samples. */
    public float[] apply(float[] x, int sampleRate, long seed) {
        if (isClean()) {
            return x;
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        // draw everything first, in a fixed order, so each choice is independent of the others' outcome
        double speed = speedMin + (speedMax - speedMin) * rnd.nextDouble();
        boolean band = rnd.nextDouble() < bandLimitProbability;
        double snr = snrMinDb == null ? Double.NaN : snrMinDb + (snrMaxDb - snrMinDb) * rnd.nextDouble();
        long noiseSeed = rnd.nextLong();
        float[] y = x;
        if (speedMin != 1 || speedMax != 1) {
            y = Augment.speed(y, speed);
        }
        if (band) {
            y = Augment.bandLimit(y, sampleRate, bandLowHz, Math.min(bandHighHz, sampleRate / 2.0));
        }
        if (snrMinDb != null) {
            y = Augment.addNoise(y, snr, noiseSeed);
        }
        return y;
    }

    /** One line for corpus cards. */
    public String describe() {
        if (isClean()) {
            return "none (clean)";
        }
        List<String> parts = new ArrayList<>();
        if (speedMin != 1 || speedMax != 1) {
            parts.add(String.format(Locale.ROOT, "speed x%.3f-%.3f (uniform, resampled, pitch shifts too)", speedMin,
                    speedMax));
        }
        if (bandLimitProbability > 0) {
            parts.add(String.format(Locale.ROOT, "%.0f%% of items band-limited to %.0f-%.0f Hz (2nd-order Butterworth)",
                    100 * bandLimitProbability, bandLowHz, bandHighHz));
        }
        if (snrMinDb != null) {
            parts.add(snrMinDb.equals(snrMaxDb) ? String.format(Locale.ROOT, "white noise at %.1f dB SNR", snrMinDb)
                    : String.format(Locale.ROOT, "white noise at %.1f-%.1f dB SNR (uniform per item)", snrMinDb,
                            snrMaxDb));
        }
        return String.join("; ", parts);
    }
}
