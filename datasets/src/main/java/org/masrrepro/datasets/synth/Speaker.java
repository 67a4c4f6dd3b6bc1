package org.masrrepro.datasets.synth;

/**
 * A synthetic speaker: an espeak-ng voice variant at a pitch and rate.
 *
 * @param id       corpus-unique id
 * @param language language code
 * @param variant  espeak-ng variant, e.g. {@code m3} or {@code f2}
 * @param gender   {@code M} or {@code F}, from the variant
 * @param pitch    espeak-ng pitch 0-99
 * @param rateWpm  speaking rate in words per minute
 */
public record Speaker(String id, String language, String variant, String gender, int pitch, int rateWpm) {}
