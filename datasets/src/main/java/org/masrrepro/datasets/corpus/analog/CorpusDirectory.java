package org.masrrepro.datasets.corpus.analog;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import org.masrrepro.datasets.audio.Wav;
import org.masrrepro.datasets.corpus.CorpusCard;
import org.masrrepro.datasets.corpus.CorpusInfo;
import org.masrrepro.datasets.corpus.Manifest;
import org.masrrepro.datasets.corpus.Utterance;
import org.masrrepro.datasets.util.AtomicFiles;
import org.masrrepro.datasets.util.Hashes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The directory of one analog corpus: reuse of an earlier complete build with the same parameters (validated:
 * manifest hash against DONE, every WAV's size against its sample count), clearing a partial or outdated build
 * (only one of ours), and finishing a build (manifest, corpus.json, card.md, then DONE last).
 */
final class CorpusDirectory {

    static final String DONE = "DONE";
    static final String OWNER_MARK = ".analog-corpus";
    static final int SAMPLE_RATE = 16000;
    static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeSpecialFloatingPointValues()
            .create();

    private final Path dir;
    private final String kind;

    CorpusDirectory(Path dir, String kind) {
        this.dir = dir.toAbsolutePath().normalize();
        this.kind = kind;
    }

    Path dir() {
        return dir;
    }

    /** Validates and returns the earlier complete build made with {@code params}; null when there is none. */
    CorpusInfo reuse(Object params) throws IOException {
        Path json = dir.resolve("corpus.json");
        if (!Files.isRegularFile(dir.resolve(DONE)) || !Files.isRegularFile(json)) {
            return null;
        }
        Map<?, ?> stored = GSON.fromJson(Files.readString(json), Map.class);
        Map<?, ?> wanted = GSON.fromJson(GSON.toJson(params), Map.class);
        if (stored == null || !wanted.equals(stored.get("params"))) {
            return null;
        }
        Path manifest = dir.resolve("manifest.csv");
        List<Utterance> utts = Manifest.read(manifest);
        String sha = Hashes.sha256(manifest);
        String done = Files.readString(dir.resolve(DONE)).trim();
        if (!done.equals(sha)) {
            throw new IOException(manifest + " changed after the build (SHA-256 " + sha + ", DONE says " + done
                    + "); delete " + dir + " to rebuild the " + kind);
        }
        long header = Wav.encode16(new float[0], SAMPLE_RATE).length;
        for (Utterance u : utts) {
            Path f = dir.resolve(u.audioPath());
            if (!Files.isRegularFile(f) || Files.size(f) != header + 2L * u.numSamples()) {
                throw new IOException(f + ": missing, or not " + u.numSamples() + " 16-bit samples as " + manifest
                        + " records; delete " + dir + " to rebuild the " + kind);
            }
        }
        Map<String, String> packages = new TreeMap<>();
        Object p = stored.get("debian_packages");
        if (p instanceof Map<?, ?> m) {
            m.forEach((k, v) -> packages.put((String) k, (String) v));
        }
        return info(utts, packages, sha);
    }

    /** Deletes a partial or outdated build; refuses to delete a non-empty directory that is not one of ours. */
    void clear() throws IOException {
        if (Files.isDirectory(dir)) {
            boolean empty;
            try (Stream<Path> s = Files.list(dir)) {
                empty = s.findAny().isEmpty();
            }
            if (!empty && !Files.exists(dir.resolve(OWNER_MARK)) && !Files.exists(dir.resolve("corpus.json"))) {
                throw new IllegalStateException(dir + " is not empty and holds no " + kind
                        + "; choose a new or empty output directory (nothing was deleted)");
            }
            AtomicFiles.deleteRecursively(dir);
        }
        Files.createDirectories(dir);
        AtomicFiles.writeString(dir.resolve(OWNER_MARK), "partial " + kind + " build; safe to delete\n");
    }

    /** Writes 16 kHz 16-bit mono audio at {@code rel} (relative to the corpus directory) and returns rel. */
    String writeAudio(String rel, float[] samples) throws IOException {
        Wav.write(dir.resolve(rel), samples, SAMPLE_RATE);
        return rel;
    }

    /**
     * Writes manifest.csv (rows sorted by id), corpus.json ({@code params}, the package versions and {@code record}),
     * card.md (from {@code card} with the rows, hash and versions filled in), and DONE last.
     */
    CorpusInfo finish(Object params, List<Utterance> utterances, Map<String, String> packages,
            Map<String, Object> record, CorpusCard.Builder card) throws IOException {
        List<Utterance> utts = new ArrayList<>(utterances);
        utts.sort(Comparator.comparing(Utterance::id));
        for (int i = 1; i < utts.size(); i++) {
            if (utts.get(i).id().equals(utts.get(i - 1).id())) {
                throw new IllegalStateException(kind + ": duplicate utterance id " + utts.get(i).id());
            }
        }
        Path manifest = dir.resolve("manifest.csv");
        Manifest.write(manifest, utts);
        String sha = Hashes.sha256(manifest);
        Map<String, Object> rec = new LinkedHashMap<>();
        rec.put("params", params);
        rec.put("debian_packages", new TreeMap<>(packages));
        rec.putAll(record);
        rec.put("manifest_sha256", sha);
        AtomicFiles.writeString(dir.resolve("corpus.json"), GSON.toJson(rec) + "\n");
        String md = card.setUtterances(utts).setManifestSha256(sha).setPackageVersions(packages).build().render();
        AtomicFiles.writeString(dir.resolve("card.md"), md);
        AtomicFiles.writeString(dir.resolve(DONE), sha + "\n");
        Files.deleteIfExists(dir.resolve(OWNER_MARK));
        return info(utts, packages, sha);
    }

    private CorpusInfo info(List<Utterance> utts, Map<String, String> packages, String sha) {
        double hours = utts.stream().mapToLong(Utterance::numSamples).sum() / (double) SAMPLE_RATE / 3600;
        return new CorpusInfo(dir, dir.resolve("manifest.csv"), dir.resolve("card.md"), List.copyOf(utts), hours,
                Map.copyOf(packages), sha);
    }

    /** Markdown table of utterances per split and label (for classification corpora). */
    static String labelTable(List<Utterance> utts, List<String> labelOrder) {
        List<String> splits = List.of("train", "dev", "test");
        StringBuilder sb = new StringBuilder("## Labels per split\n\n| label |");
        splits.forEach(s -> sb.append(' ').append(s).append(" |"));
        sb.append(" hours |\n|---|").append("---|".repeat(splits.size() + 1)).append('\n');
        for (String label : labelOrder) {
            sb.append("| ").append(label).append(" |");
            for (String s : splits) {
                sb.append(' ').append(utts.stream().filter(u -> u.split().equals(s) && u.label().equals(label)).count())
                        .append(" |");
            }
            long samples = utts.stream().filter(u -> u.label().equals(label)).mapToLong(Utterance::numSamples).sum();
            sb.append(String.format(java.util.Locale.ROOT, " %.4f |%n", samples / (double) SAMPLE_RATE / 3600));
        }
        return sb.toString();
    }
}
