package org.masrrepro.datasets.loaders;

/**
 * An audio file a loader skipped because it was missing or could not be decoded.
 *
 * @param audioPath the manifest path of the file (relative to the corpus root)
 * @param reason    the decoder's message, naming the file and what was wrong
 */
public record BadFile(String audioPath, String reason) {}
