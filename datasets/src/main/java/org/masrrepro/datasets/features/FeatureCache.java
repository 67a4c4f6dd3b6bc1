package org.masrrepro.datasets.features;

import org.masrrepro.datasets.audio.AudioClip;
import org.masrrepro.datasets.audio.Wav;
import org.masrrepro.datasets.corpus.Utterance;
import org.masrrepro.datasets.util.ProgressListener;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * One binary file of per-utterance features. Layout (little-endian): magic {@code MASRFEAT}, int version, int dim,
 * int count, long index offset, UTF-8 description; float32 frames of every item in order; then the index (per item:
 * id, frame count, data offset). Written to a temporary file and moved in place, so a file that exists is complete.
 */
public final class FeatureCache {

    private static final byte[] MAGIC = "MASRFEAT".getBytes(StandardCharsets.US_ASCII);
    private static final int VERSION = 1;
    private static final int CHUNK = 64;

    private FeatureCache() {}

    /**
     * Computes the log-mels of {@code utterances} (16 kHz WAVs under {@code corpusDir}) into {@code outFile}, unless
     * it already holds exactly these ids computed with the same parameters; returns the opened set.
     */
    public static FeatureSet build(Path corpusDir, List<Utterance> utterances, LogMel logMel, Path outFile,
            ProgressListener progress) throws IOException {
        List<String> ids = utterances.stream().map(Utterance::id).toList();
        if (Files.isRegularFile(outFile)) {
            try {
                Reader existing = open(outFile);
                if (existing.description.equals(logMel.describe()) && existing.ids.equals(ids)) {
                    return existing;
                }
            } catch (IOException e) {
                // Unreadable or stale: rebuild below.
            }
        }
        Files.createDirectories(outFile.toAbsolutePath().getParent());
        Path tmp = outFile.resolveSibling(outFile.getFileName() + ".tmp");
        int threads = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long t0 = System.nanoTime();
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            byte[] desc = logMel.describe().getBytes(StandardCharsets.UTF_8);
            ByteBuffer head = ByteBuffer.allocate(MAGIC.length + 4 * 3 + 8 + 4 + desc.length).order(ByteOrder.LITTLE_ENDIAN);
            head.put(MAGIC).putInt(VERSION).putInt(logMel.numMels()).putInt(ids.size()).putLong(0)
                    .putInt(desc.length).put(desc).flip();
            writeFully(ch, head);
            long offset = head.capacity();
            int[] frames = new int[ids.size()];
            long[] offsets = new long[ids.size()];
            for (int start = 0; start < utterances.size(); start += CHUNK) {
                List<Future<float[][]>> futures = new ArrayList<>();
                for (int i = start; i < Math.min(utterances.size(), start + CHUNK); i++) {
                    Utterance u = utterances.get(i);
                    futures.add(pool.submit(() -> compute(corpusDir, u, logMel)));
                }
                for (int k = 0; k < futures.size(); k++) {
                    float[][] f = get(futures.get(k));
                    int i = start + k;
                    frames[i] = f.length;
                    offsets[i] = offset;
                    ByteBuffer data = ByteBuffer.allocate(f.length * logMel.numMels() * 4).order(ByteOrder.LITTLE_ENDIAN);
                    for (float[] row : f) {
                        for (float v : row) {
                            data.putFloat(v);
                        }
                    }
                    data.flip();
                    writeFully(ch, data);
                    offset += data.capacity();
                }
                int done = Math.min(utterances.size(), start + CHUNK);
                double elapsed = (System.nanoTime() - t0) / 1e9;
                progress.onProgress("features", done, utterances.size(), Double.NaN,
                        elapsed / done * (utterances.size() - done));
            }
            long indexOffset = offset;
            java.io.ByteArrayOutputStream idx = new java.io.ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(idx)) {
                for (int i = 0; i < ids.size(); i++) {
                    byte[] id = ids.get(i).getBytes(StandardCharsets.UTF_8);
                    out.writeShort(id.length);
                    out.write(id);
                    out.writeInt(frames[i]);
                    out.writeLong(offsets[i]);
                }
            }
            writeFully(ch, ByteBuffer.wrap(idx.toByteArray()));
            ByteBuffer io = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(indexOffset);
            io.flip();
            ch.write(io, MAGIC.length + 12);
            ch.force(true);
        } finally {
            pool.shutdownNow();
        }
        Files.move(tmp, outFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return open(outFile);
    }

    private static float[][] compute(Path corpusDir, Utterance u, LogMel logMel) throws IOException {
        Path wav = corpusDir.resolve(u.audioPath());
        AudioClip clip = Wav.read(wav);
        if (clip.sampleRate() != 16000) {
            throw new IOException(wav + ": expected 16 kHz audio, found " + clip.sampleRate() + " Hz");
        }
        return logMel.compute(clip.samples());
    }

    private static <T> T get(Future<T> f) throws IOException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException(e.getCause());
        }
    }

    private static void writeFully(FileChannel ch, ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            ch.write(b);
        }
    }

    /** Opens a feature file; a corrupt or truncated file is an error naming it. */
    public static Reader open(Path file) throws IOException {
        return new Reader(file);
    }

    /** SHA-256 (hex) of a file's bytes. */
    public static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"));
                OutputStream sink = OutputStream.nullOutputStream()) {
            in.transferTo(sink);
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads items with positional reads (thread-safe, no whole-file mapping so files over 2 GB work). */
    public static final class Reader implements FeatureSet {
        private final Path file;
        private final int dim;
        private final String description;
        private final List<String> ids;
        private final int[] frames;
        private final long[] offsets;
        private final FileChannel channel;

        private Reader(Path file) throws IOException {
            this.file = file;
            this.channel = FileChannel.open(file, StandardOpenOption.READ);
            long size = channel.size();
            ByteBuffer head = ByteBuffer.allocate(MAGIC.length + 24).order(ByteOrder.LITTLE_ENDIAN);
            channel.read(head, 0);
            head.flip();
            byte[] magic = new byte[MAGIC.length];
            if (head.remaining() < head.capacity()) {
                throw corrupt("file too short for a header");
            }
            head.get(magic);
            if (!java.util.Arrays.equals(magic, MAGIC)) {
                throw corrupt("not a feature cache (bad magic)");
            }
            int version = head.getInt();
            if (version != VERSION) {
                throw corrupt("unsupported version " + version);
            }
            dim = head.getInt();
            int count = head.getInt();
            long indexOffset = head.getLong();
            int descLen = head.getInt();
            if (indexOffset <= 0 || indexOffset > size || descLen < 0 || descLen > 4096) {
                throw corrupt("invalid header (index offset " + indexOffset + ", size " + size + ")");
            }
            ByteBuffer d = ByteBuffer.allocate(descLen);
            channel.read(d, MAGIC.length + 24);
            description = new String(d.array(), StandardCharsets.UTF_8);
            ByteBuffer idx = ByteBuffer.allocate((int) (size - indexOffset)).order(ByteOrder.BIG_ENDIAN);
            channel.read(idx, indexOffset);
            idx.flip();
            List<String> idList = new ArrayList<>(count);
            frames = new int[count];
            offsets = new long[count];
            try {
                for (int i = 0; i < count; i++) {
                    byte[] id = new byte[idx.getShort() & 0xffff];
                    idx.get(id);
                    idList.add(new String(id, StandardCharsets.UTF_8));
                    frames[i] = idx.getInt();
                    offsets[i] = idx.getLong();
                    if (offsets[i] + (long) frames[i] * dim * 4 > indexOffset) {
                        throw corrupt("item " + i + " extends past the data section");
                    }
                }
            } catch (java.nio.BufferUnderflowException e) {
                throw corrupt("truncated index");
            }
            ids = List.copyOf(idList);
        }

        private IOException corrupt(String why) {
            return new IOException(file + ": corrupt feature cache: " + why + " (delete it to rebuild)");
        }

        public String description() {
            return description;
        }

        @Override
        public int size() {
            return ids.size();
        }

        @Override
        public int dim() {
            return dim;
        }

        @Override
        public String id(int i) {
            return ids.get(i);
        }

        @Override
        public int numFrames(int i) {
            return frames[i];
        }

        @Override
        public float[][] frames(int i) {
            ByteBuffer b = ByteBuffer.allocate(frames[i] * dim * 4).order(ByteOrder.LITTLE_ENDIAN);
            try {
                long pos = offsets[i];
                while (b.hasRemaining()) {
                    int n = channel.read(b, pos + b.position());
                    if (n < 0) {
                        throw corrupt("unexpected end of file reading item " + i);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            b.flip();
            float[][] out = new float[frames[i]][dim];
            for (float[] row : out) {
                b.asFloatBuffer().get(row);
                b.position(b.position() + dim * 4);
            }
            return out;
        }
    }
}
