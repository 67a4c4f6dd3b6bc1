package org.masrrepro.datasets.audio;

import java.io.IOException;

/** A well-formed audio file that holds no samples: callers that can leave an item out tell it from a broken file. */
public final class EmptyAudioException extends IOException {

    public EmptyAudioException(String message) {
        super(message);
    }
}
