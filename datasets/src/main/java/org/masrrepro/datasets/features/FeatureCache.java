package org.masrrepro.datasets.features;

import org.masrrepro.datasets.audio.AudioClip;
import org.masrrepro.datasets.audio.AudioFiles;
import org.masrrepro.datasets.corpus.Utterance;
import org.masrrepro.datasets.util.Hashes;
import org.masrrepro.datasets.util.ProgressListener;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Computes the log-mels of a list of utterances into one binary file (format: {@link FeatureFile}) and opens such
 * files. The file is written to {@code outFile + ".tmp"} and atomically moved, so an existing file is complete. The
 * bytes depend only on the audio, the ids and the {@link LogMel} parameters (not on thread timing).
 */
public final class FeatureCache {

    private static final int CHUNK = 32;          // utterances in flight; bounds memory
    private static final int INDEX_ENTRY_FIXED = 2 + 4 + 8;

    private FeatureCache() {}

    /**
     * Computes the log-mels of {@code utterances} (WAV, FLAC or Ogg Vorbis at {@code corpusDir.resolve(u.audioPath())},
     * an absolute audio path used as is; resampled to the log-mel rate) into
     * {@code outFile} and returns the opened set. If {@code outFile} is already a valid feature file with exactly
     * these ids in this order, computed with the same {@link LogMel#describe()}, nothing is recomputed.
     */
    public static FeatureSet build(Path corpusDir, List<Utterance> utterances, LogMel logMel, Path outFile,
            ProgressListener progress) throws IOException {
        List<String> ids = utterances.stream().map(Utterance::id).toList();
        String description = logMel.describe();
        if (Files.isRegularFile(outFile)) {
            try {
                FeatureFile existing = FeatureFile.open(outFile);
                if (existing.description().equals(description) && existing.ids().equals(ids)
                        && existing.dim() == logMel.numMels()) {
                    return existing;
                }
            } catch (IOException e) {
                // Corrupt or from an older format: rebuilt below.
            }
        }
        Path dir = outFile.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = outFile.resolveSibling(outFile.getFileName() + ".tmp");
        try {
            write(corpusDir, utterances, logMel, tmp, progress);
            try {
                Files.move(tmp, outFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, outFile, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        return open(outFile);
    }

    private static void write(Path corpusDir, List<Utterance> utterances, LogMel logMel, Path tmp,
            ProgressListener progress) throws IOException {
        int count = utterances.size();
        int dim = logMel.numMels();
        byte[] desc = logMel.describe().getBytes(StandardCharsets.UTF_8);
        byte[][] idBytes = new byte[count][];
        long indexBytes = 0;
        for (int i = 0; i < count; i++) {
            idBytes[i] = utterances.get(i).id().getBytes(StandardCharsets.UTF_8);
            if (idBytes[i].length > 0xffff) {
                throw new IOException(tmp + ": utterance id longer than 65535 bytes at item " + i);
            }
            indexBytes += INDEX_ENTRY_FIXED + idBytes[i].length;
        }
        long dataStart = FeatureFile.MAGIC.length + 16L + desc.length + indexBytes;
        int[] frames = new int[count];
        long[] offsets = new long[count];
        int threads = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "feature-cache");
            t.setDaemon(true);
            return t;
        });
        long t0 = System.nanoTime();
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            long pos = dataStart;
            for (int start = 0; start < count; start += CHUNK) {
                int end = Math.min(count, start + CHUNK);
                List<Future<float[][]>> futures = new ArrayList<>();
                for (int i = start; i < end; i++) {
                    Utterance u = utterances.get(i);
                    futures.add(pool.submit(() -> compute(corpusDir, u, logMel)));
                }
                // Results are written in list order whatever order the threads finish in.
                for (int k = 0; k < futures.size(); k++) {
                    float[][] f = get(futures.get(k));
                    int i = start + k;
                    frames[i] = f.length;
                    offsets[i] = pos;
                    ByteBuffer data = ByteBuffer.allocate(f.length * dim * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
                    data.asFloatBuffer().put(flatten(f, dim));
                    pos += writeFully(ch, data, pos);
                }
                double elapsed = (System.nanoTime() - t0) / 1e9;
                progress.onProgress("features", end, count, Double.NaN, elapsed / end * (count - end));
            }
            ByteBuffer head = ByteBuffer.allocate((int) dataStart).order(ByteOrder.LITTLE_ENDIAN);
            head.put(FeatureFile.MAGIC).putInt(FeatureFile.VERSION).putInt(dim).putInt(count).putInt(desc.length)
                    .put(desc);
            for (int i = 0; i < count; i++) {
                head.putShort((short) idBytes[i].length).put(idBytes[i]).putInt(frames[i]).putLong(offsets[i]);
            }
            writeFully(ch, head.flip(), 0);
            ch.force(true);
        } finally {
            pool.shutdownNow();
        }
    }

    private static float[] flatten(float[][] f, int dim) {
        float[] flat = new float[f.length * dim];
        for (int t = 0; t < f.length; t++) {
            System.arraycopy(f[t], 0, flat, t * dim, dim);
        }
        return flat;
    }

    private static float[][] compute(Path corpusDir, Utterance u, LogMel logMel) throws IOException {
        // Real corpora come as FLAC/Ogg at their own rates: decoded and resampled here, deterministically.
        Path audio = corpusDir.resolve(u.audioPath());
        AudioClip clip = AudioFiles.read(audio, logMel.sampleRate());
        return logMel.compute(clip.samples());
    }

    private static <T> T get(Future<T> f) throws IOException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("feature extraction interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IOException(e.getCause());
        }
    }

    private static int writeFully(FileChannel ch, ByteBuffer b, long pos) throws IOException {
        int n = b.remaining();
        while (b.hasRemaining()) {
            ch.write(b, pos + n - b.remaining());
        }
        return n;
    }

    /** Opens a feature file written by {@link #build}; a corrupt, truncated or foreign file is an IOException naming it. */
    public static FeatureSet open(Path file) throws IOException {
        return FeatureFile.open(file);
    }

    /** SHA-256 (lowercase hex) of a file's bytes; same as {@link Hashes#sha256(Path)}. */
    public static String sha256(Path file) throws IOException {
        return Hashes.sha256(file);
    }
}
