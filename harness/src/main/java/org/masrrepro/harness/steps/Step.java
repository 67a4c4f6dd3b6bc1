package org.masrrepro.harness.steps;

import com.google.gson.JsonObject;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A unit of work whose identity is the hash of its resolved inputs and of its dependencies' identities, so equal
 * steps of different experiments share one output directory and a finished step is never run twice.
 */
public interface Step {

    /** Directory family under the runs root: corpus, features, pretrain, finetune, eval. */
    String kind();

    /**
     * Version of this kind's implementation semantics; bump it when a change alters outputs so old artifacts are not
     * reused.
     */
    int version();

    /** Resolved inputs (spec sections, derived seeds) as canonical JSON; recorded in the provenance. */
    JsonObject inputs();

    /** Steps whose outputs this one reads. */
    List<Step> dependencies();

    /** Does the work, writing only inside {@code ctx.dir()}; may resume from partial outputs found there. */
    void execute(StepContext ctx) throws Exception;

    /**
     * Called before a finished step is reused: throws, saying what changed and what to do, if something the step read
     * outside the runs directory (a real corpus on disk) changed since it ran. Steps that read only other steps'
     * outputs have nothing to check.
     */
    default void checkReusable(Path dir, Path dataDir) throws IOException {}

    /**
     * What a user must know of a finished step's outputs in {@code dir} (a corpus that left files out, say), one line
     * each: printed when the step finishes and each time it is reused. None by default.
     */
    default List<String> warnings(Path dir) {
        return List.of();
    }

    /** A short human name for progress lines. */
    default String title() {
        return kind();
    }
}
