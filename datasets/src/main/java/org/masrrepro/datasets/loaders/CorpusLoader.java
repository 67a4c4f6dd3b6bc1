package org.masrrepro.datasets.loaders;

import org.masrrepro.datasets.audio.AudioClip;
import org.masrrepro.datasets.audio.AudioFiles;
import org.masrrepro.datasets.corpus.Utterance;
import org.masrrepro.datasets.util.ProgressListener;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Reads one real corpus, exactly as distributed, from a directory into manifest rows. Subclasses parse the corpus's
 * own metadata; this class decodes every audio file once (through {@link AudioFiles}) to check it and count its
 * 16 kHz samples, applies the language filter and the overlapped set, and handles bad files: by default the first
 * missing or undecodable file is an IOException naming it; with {@code optSkipBadFiles(true)} such files are left
 * out and listed in {@link LoadedCorpus#badFiles()} (never silently). Malformed metadata is always an error.
 */
public abstract class CorpusLoader {

    private static final int CHUNK = 64;

    protected final Path root;
    private final Set<String> languages;
    private final Set<String> overlapped;
    private final boolean skipBadFiles;
    private final ProgressListener progress;
    private final List<String> notes = new ArrayList<>();

    protected CorpusLoader(BaseBuilder<?> b) {
        if (b.root == null) {
            throw new IllegalStateException(getClass().getSimpleName() + ": setRoot is required");
        }
        this.root = b.root;
        this.languages = new LinkedHashSet<>(b.languages);
        this.overlapped = Set.copyOf(b.overlapped);
        this.skipBadFiles = b.skipBadFiles;
        this.progress = b.progress;
    }

    /** The format name used in specs and cards, e.g. {@code fleurs_hf}. */
    public abstract String format();

    /**
     * The corpus's rows (all languages) with {@code numSamples} 0 and {@code audioPath} relative to {@link #root} (or
     * absolute when the corpus points outside it). Metadata errors name the file and line.
     */
    protected abstract List<Utterance> rows() throws IOException;

    /** Where long work inside {@link #rows()} (e.g. extracting archives) reports progress. */
    protected ProgressListener progress() {
        return progress;
    }

    /** Adds a line to the card's notes (how splits were made, what was dropped and how many). */
    protected void note(String line) {
        notes.add(line);
    }

    /** Reads the corpus: rows checked against their audio, bad files skipped or fatal as configured. */
    public LoadedCorpus load() throws IOException {
        if (!Files.isDirectory(root)) {
            throw new IOException(root + ": " + format() + " corpus directory not found");
        }
        notes.clear();
        List<Utterance> rows = rows();
        if (!languages.isEmpty()) {
            Set<String> present = new TreeSet<>();
            rows.forEach(u -> present.add(u.language()));
            for (String l : languages) {
                if (!present.contains(l)) {
                    throw new IOException(root + ": language '" + l + "' has no utterances in this " + format()
                            + " corpus; languages found: " + present);
                }
            }
            rows = rows.stream().filter(u -> languages.contains(u.language())).toList();
        }
        if (rows.isEmpty()) {
            throw new IOException(root + ": no utterances found; is this a " + format() + " corpus in its distributed layout?");
        }
        Set<String> ids = new HashSet<>();
        for (Utterance u : rows) {
            if (!ids.add(u.id())) {
                throw new IOException(root + ": utterance id '" + u.id() + "' occurs twice (" + u.audioPath() + ")");
            }
        }
        List<Utterance> out = new ArrayList<>(rows.size());
        List<BadFile> bad = new ArrayList<>();
        decodeAll(rows, out, bad);
        if (!bad.isEmpty()) {
            note(bad.size() + " bad audio file(s) skipped (missing or undecodable), listed in the card");
        }
        return new LoadedCorpus(format(), root, out, bad, notes);
    }

    private void decodeAll(List<Utterance> rows, List<Utterance> out, List<BadFile> bad) throws IOException {
        int threads = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "corpus-loader");
            t.setDaemon(true);
            return t;
        });
        try {
            for (int start = 0; start < rows.size(); start += CHUNK) {
                int end = Math.min(rows.size(), start + CHUNK);
                List<Future<Integer>> futures = new ArrayList<>();
                for (int i = start; i < end; i++) {
                    Path file = root.resolve(rows.get(i).audioPath());
                    futures.add(pool.submit(() -> samples16k(file)));
                }
                for (int k = 0; k < futures.size(); k++) { // in row order: same corpus, same manifest
                    Utterance u = rows.get(start + k);
                    try {
                        int n = get(futures.get(k));
                        out.add(Rows.withSamplesAndOverlap(u, n, overlapped.contains(u.language())));
                    } catch (IOException e) {
                        if (!skipBadFiles) {
                            throw new IOException(e.getMessage() + " (utterance " + u.id() + "; set skip_bad_files to "
                                    + "leave such files out and list them)", e);
                        }
                        bad.add(new BadFile(u.audioPath(), e.getMessage()));
                    }
                }
                progress.onProgress("check audio", end, rows.size(), Double.NaN, Double.NaN);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Decodes the file and returns its length at 16 kHz (the {@link org.masrrepro.datasets.audio.Resampler} length). */
    static int samples16k(Path file) throws IOException {
        AudioClip c = AudioFiles.read(file);
        long n = ((long) c.samples().length * AudioFiles.RATE + c.sampleRate() - 1) / c.sampleRate();
        if (n == 0) {
            throw new IOException(file + ": audio file holds no samples");
        }
        return Math.toIntExact(n);
    }

    private static int get(Future<Integer> f) throws IOException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("corpus loading interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException(String.valueOf(e.getCause()), e.getCause());
        }
    }

    /** Options every loader has. */
    @SuppressWarnings("unchecked")
    public abstract static class BaseBuilder<B extends BaseBuilder<B>> {
        private Path root;
        private List<String> languages = List.of();
        private Collection<String> overlapped = List.of();
        private boolean skipBadFiles;
        private ProgressListener progress = ProgressListener.NONE;

        /** Required: the corpus directory as distributed (see each loader for the layout). */
        public B setRoot(Path root) {
            this.root = root;
            return (B) this;
        }

        /** Keep only these languages (manifest codes); each must be present. Empty = all. */
        public B optLanguages(List<String> languages) {
            this.languages = List.copyOf(languages);
            return (B) this;
        }

        /** Languages also in the pretraining corpus: their rows get {@code overlapped = true}. */
        public B optOverlapped(Collection<String> overlapped) {
            this.overlapped = List.copyOf(overlapped);
            return (B) this;
        }

        /** Leave out missing/undecodable audio files and list them, instead of failing on the first one. */
        public B optSkipBadFiles(boolean skip) {
            this.skipBadFiles = skip;
            return (B) this;
        }

        public B optProgress(ProgressListener progress) {
            this.progress = progress;
            return (B) this;
        }

        public abstract CorpusLoader build();
    }

    /** Splits a line on tabs keeping empty fields. */
    static String[] tabs(String line) {
        return line.split("\t", -1);
    }

    /** Lines of a UTF-8 text file; a missing file is an IOException naming it and what it is. */
    static List<String> lines(Path file, String what) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": " + what + " not found");
        }
        List<String> l;
        try {
            l = Files.readAllLines(file, java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new IOException(file + ": " + what + " is not UTF-8 text", e);
        }
        if (!l.isEmpty() && l.get(0).startsWith("\uFEFF")) {
            l.set(0, l.get(0).substring(1)); // byte-order mark
        }
        return l;
    }

    /** Sub-directories of {@code dir}, sorted by name (stable across file systems); hidden ones skipped. */
    static List<Path> subdirs(Path dir) throws IOException {
        try (var s = Files.list(dir)) {
            return s.filter(Files::isDirectory).filter(p -> !hidden(p)).sorted().toList();
        }
    }

    /** Regular files of {@code dir} whose name ends with {@code suffix}, sorted; hidden ones skipped. */
    static List<Path> files(Path dir, String suffix) throws IOException {
        try (var s = Files.list(dir)) {
            return s.filter(p -> !hidden(p) && Files.isRegularFile(p)
                    && p.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(suffix)).sorted().toList();
        }
    }

    /** Dot files, among them the "._name" AppleDouble files macOS leaves in archives (IEMOCAP copies have them). */
    static boolean hidden(Path p) {
        return p.getFileName().toString().startsWith(".");
    }

    /** Text that may be UTF-8 or Latin-1 (old VoxForge submissions): UTF-8 when it decodes, else ISO-8859-1. */
    static List<String> lenientLines(Path file) throws IOException {
        byte[] b = Files.readAllBytes(file);
        try {
            String t = java.nio.charset.StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(b)).toString();
            return t.lines().toList();
        } catch (java.nio.charset.CharacterCodingException e) {
            return new String(b, java.nio.charset.StandardCharsets.ISO_8859_1).lines().toList();
        }
    }

    /** Forward-slash relative path of {@code file} under {@link #root}. */
    protected String rel(Path file) {
        return root.relativize(file).toString().replace(java.io.File.separatorChar, '/');
    }
}
