package org.masrrepro.harness.steps;

import ai.djl.Device;
import org.masrrepro.datasets.util.ProgressListener;

import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;

/** What a running step sees: its output directory, its dependencies' directories, the device and a provenance log. */
public final class StepContext {

    private final Path dir;
    private final StepRunner runner;
    private final Device device;
    private final ProgressListener progress;
    private final Map<String, String> inputHashes = new TreeMap<>();
    private final Map<String, String> outputHashes = new TreeMap<>();
    private final Map<String, Object> measurements = new TreeMap<>();

    StepContext(Path dir, StepRunner runner, Device device, ProgressListener progress) {
        this.dir = dir;
        this.runner = runner;
        this.device = device;
        this.progress = progress;
    }

    /** Stop training steps after this many steps in this process (to test resume), if set. */
    public OptionalInt interruptAfterSteps() {
        return runner.interruptAfterSteps();
    }

    /** Directory holding the external metadata (uriel/, glottolog/). */
    public Path dataDir() {
        return runner.dataDir();
    }

    /** The step's own output directory (exists). */
    public Path dir() {
        return dir;
    }

    /** Output directory of a finished dependency. */
    public Path dirOf(Step dependency) {
        return runner.dirOf(dependency);
    }

    /**
     * A cache directory shared by all steps of this runs root ({@code <runs>/cache/<name>}), for content-addressed
     * files that several steps reuse (embeddings of one encoder on one feature set); created on demand.
     */
    public Path cacheDir(String name) {
        return runner.runsRoot().resolve("cache").resolve(name);
    }

    public Device device() {
        return device;
    }

    public ProgressListener progress() {
        return progress;
    }

    /** Records the content hash of an input file or data set for the provenance. */
    public void recordInputHash(String name, String sha256) {
        inputHashes.put(name, sha256);
    }

    /** Records the content hash of an output file for the provenance. */
    public void recordOutputHash(String name, String sha256) {
        outputHashes.put(name, sha256);
    }

    /** Records a measurement (steps/s, hours of audio, final loss...) for the provenance. */
    public void recordMeasurement(String name, Object value) {
        measurements.put(name, value);
    }

    Map<String, String> inputHashes() {
        return inputHashes;
    }

    Map<String, String> outputHashes() {
        return outputHashes;
    }

    Map<String, Object> measurements() {
        return measurements;
    }
}
