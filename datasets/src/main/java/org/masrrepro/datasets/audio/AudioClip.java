package org.masrrepro.datasets.audio;

/** Mono audio: samples in [-1, 1] at a sample rate in Hz. */
public record AudioClip(float[] samples, int sampleRate) {

    /** Duration in seconds. */
    public double seconds() {
        return samples.length / (double) sampleRate;
    }
}
