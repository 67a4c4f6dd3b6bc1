package org.masrrepro.datasets.corpus.analog;

/** Loudness normalization, so no class of a classification analog can be told apart by level alone. */
final class Levels {

    private Levels() {}

    /** {@code x} scaled to an RMS of {@code dbfs} dB re full scale (peaks clipped later by the WAV writer). */
    static float[] toRms(float[] x, double dbfs) {
        double power = 0;
        for (float v : x) {
            power += v * (double) v;
        }
        double rms = Math.sqrt(power / Math.max(1, x.length));
        float[] y = new float[x.length];
        if (rms == 0) {
            return y;
        }
        double g = Math.pow(10, dbfs / 20) / rms;
        for (int i = 0; i < x.length; i++) {
            y[i] = (float) (x[i] * g);
        }
        return y;
    }

    /** Scales by {@code db} decibels. */
    static float[] gain(float[] x, double db) {
        double g = Math.pow(10, db / 20);
        float[] y = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = (float) (x[i] * g);
        }
        return y;
    }
}
