package org.masrrepro.baselines.probe;

import org.masrrepro.datasets.features.FeatureSet;
import org.masrrepro.datasets.util.AtomicFiles;
import org.masrrepro.datasets.util.Hashes;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Embeddings on disk, one file per (encoder hash, features hash): written once (temp file + rename, so a crash never
 * leaves a file that reads as finished) and validated on every reuse: format, both hashes, the utterance ids of the
 * feature set and a SHA-256 of the payload. A file that fails validation is reported and rebuilt.
 */
public final class EmbeddingCache {

    /** Bumped when the extraction changes (pooling, normalisation), so old files are never reused. */
    static final int VERSION = 1;
    private static final String MAGIC = "masr-repro embeddings";

    private final Path dir;

    public EmbeddingCache(Path dir) {
        this.dir = dir;
    }

    /** What produces embeddings when the cache has none. */
    @FunctionalInterface
    public interface Extraction {
        Embeddings run() throws IOException;
    }

    /** The cache file of a pair of hashes. */
    public Path fileOf(String encoderHash, String featuresHash) {
        String key = Hashes.sha256((VERSION + "|" + encoderHash + "|" + featuresHash).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return dir.resolve(key.substring(0, 32) + ".emb");
    }

    /**
     * The cached embeddings of {@code set} under these hashes, or {@code extraction}'s result, stored first.
     *
     * @param encoderHash  SHA-256 of the encoder's parameters
     * @param featuresHash SHA-256 of the features file of {@code set}
     */
    public Embeddings getOrExtract(String encoderHash, String featuresHash, FeatureSet set, Extraction extraction)
            throws IOException {
        Path f = fileOf(encoderHash, featuresHash);
        if (Files.isRegularFile(f)) {
            try {
                return read(f, encoderHash, featuresHash, set);
            } catch (IOException e) {
                System.err.println("embedding cache: " + e.getMessage() + "; extracting again");
            }
        }
        Embeddings e = extraction.run();
        checkIds(e.ids(), set, "extracted embeddings");
        write(f, encoderHash, featuresHash, e);
        return e;
    }

    static void write(Path f, String encoderHash, String featuresHash, Embeddings e) throws IOException {
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(payload)) {
            out.writeUTF(MAGIC);
            out.writeInt(VERSION);
            out.writeUTF(encoderHash);
            out.writeUTF(featuresHash);
            out.writeInt(e.size());
            out.writeInt(e.dim());
            for (int i = 0; i < e.size(); i++) {
                out.writeUTF(e.ids().get(i));
                for (float v : e.vectors()[i]) {
                    out.writeFloat(v);
                }
            }
        }
        byte[] body = payload.toByteArray();
        byte[] sum = Hashes.sha256(body).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] all = Arrays.copyOf(body, body.length + sum.length);
        System.arraycopy(sum, 0, all, body.length, sum.length);
        Files.createDirectories(f.getParent());
        AtomicFiles.write(f, all);
    }

    static Embeddings read(Path f, String encoderHash, String featuresHash, FeatureSet set) throws IOException {
        byte[] all = Files.readAllBytes(f);
        if (all.length < 64) {
            throw new IOException(f + ": truncated (" + all.length + " bytes)");
        }
        byte[] body = Arrays.copyOf(all, all.length - 64);
        String stored = new String(all, all.length - 64, 64, java.nio.charset.StandardCharsets.US_ASCII);
        if (!stored.equals(Hashes.sha256(body))) {
            throw new IOException(f + ": checksum mismatch (corrupt file)");
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(body))) {
            if (!MAGIC.equals(in.readUTF()) || in.readInt() != VERSION) {
                throw new IOException(f + ": not an embedding file of version " + VERSION);
            }
            String enc = in.readUTF();
            String feats = in.readUTF();
            if (!enc.equals(encoderHash) || !feats.equals(featuresHash)) {
                throw new IOException(f + ": made for encoder " + enc + " / features " + feats + ", expected "
                        + encoderHash + " / " + featuresHash);
            }
            int n = in.readInt();
            int dim = in.readInt();
            List<String> ids = new ArrayList<>(n);
            float[][] v = new float[n][dim];
            for (int i = 0; i < n; i++) {
                ids.add(in.readUTF());
                for (int j = 0; j < dim; j++) {
                    v[i][j] = in.readFloat();
                }
            }
            if (in.available() != 0) {
                throw new IOException(f + ": " + in.available() + " unexpected trailing bytes");
            }
            checkIds(ids, set, f.toString());
            return new Embeddings(ids, v);
        }
    }

    private static void checkIds(List<String> ids, FeatureSet set, String what) throws IOException {
        if (ids.size() != set.size()) {
            throw new IOException(what + ": " + ids.size() + " utterances, the feature set has " + set.size());
        }
        for (int i = 0; i < ids.size(); i++) {
            if (!ids.get(i).equals(set.id(i))) {
                throw new IOException(what + ": utterance " + i + " is " + ids.get(i) + ", the feature set has " + set.id(i));
            }
        }
    }
}
