package org.masrrepro.datasets.features;

import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the single-file feature format that {@link FeatureCache} writes. Layout, all little-endian:
 * <pre>
 *   8 bytes  magic "MASRFEAT"
 *   int      version (2)
 *   int      dim
 *   int      count
 *   int      description length, then that many UTF-8 bytes ({@link LogMel#describe()})
 *   count x  { ushort id length, UTF-8 id, int frames, long data offset }     (the index)
 *   float32  data: item 0's frames x dim, item 1's, ... contiguous, in index order, up to the end of the file
 * </pre>
 * The whole file is validated on open (offsets contiguous, data ending exactly at the end of the file). The data is
 * memory-mapped in read-only segments, so no file handle stays open and reads are thread-safe.
 */
final class FeatureFile implements FeatureSet {

    static final byte[] MAGIC = "MASRFEAT".getBytes(StandardCharsets.US_ASCII);
    static final int VERSION = 2;
    static final int MAX_DESCRIPTION = 1 << 16;
    private static final long SEGMENT_BYTES = 1L << 30; // a mapping holds at most 2 GB; keep segments well below

    private final Path file;
    private final int dim;
    private final String description;
    private final List<String> ids;
    private final int[] frames;
    private final long[] offsets;
    private final int[] segmentOf;
    private final long[] segmentStart;
    private final MappedByteBuffer[] segments;

    private FeatureFile(Path file, FileChannel ch) throws IOException {
        this.file = file;
        long size = ch.size();
        ByteBuffer head = readAt(ch, 0, (int) Math.min(size, MAGIC.length + 16L));
        if (head.remaining() < MAGIC.length + 16) {
            throw corrupt("too short for a header (" + size + " bytes)");
        }
        byte[] magic = new byte[MAGIC.length];
        head.get(magic);
        if (!Arrays.equals(magic, MAGIC)) {
            throw corrupt("not a feature file (bad magic)");
        }
        int version = head.getInt();
        if (version != VERSION) {
            throw corrupt("unsupported version " + version + " (expected " + VERSION + ")");
        }
        dim = head.getInt();
        int count = head.getInt();
        int descLen = head.getInt();
        if (dim <= 0 || count < 0 || descLen < 0 || descLen > MAX_DESCRIPTION) {
            throw corrupt("invalid header (dim " + dim + ", count " + count + ", description " + descLen + " bytes)");
        }
        long indexStart = MAGIC.length + 16L + descLen;
        // Index entries are at least 14 bytes; bound the read by the file so a wild count cannot allocate much.
        long indexMax = Math.min(size - indexStart, (long) count * (14 + 65535));
        if (indexStart > size || (long) count * 14 > size - indexStart || indexMax > Integer.MAX_VALUE) {
            throw corrupt("header claims " + count + " items but the file has " + size + " bytes");
        }
        ByteBuffer rest = readAt(ch, MAGIC.length + 16L, (int) (descLen + indexMax));
        try {
            byte[] desc = new byte[descLen];
            rest.get(desc);
            description = new String(desc, StandardCharsets.UTF_8);
            List<String> idList = new ArrayList<>(count);
            frames = new int[count];
            offsets = new long[count];
            for (int i = 0; i < count; i++) {
                byte[] id = new byte[rest.getShort() & 0xffff];
                rest.get(id);
                idList.add(new String(id, StandardCharsets.UTF_8));
                frames[i] = rest.getInt();
                offsets[i] = rest.getLong();
            }
            ids = List.copyOf(idList);
        } catch (BufferUnderflowException e) {
            throw corrupt("truncated index");
        }
        long dataStart = MAGIC.length + 16L + rest.position();
        long expect = dataStart;
        for (int i = 0; i < count; i++) {
            if (frames[i] < 0 || offsets[i] != expect) {
                throw corrupt("index entry " + i + " (" + ids.get(i) + ") has offset " + offsets[i] + ", expected "
                        + expect);
            }
            expect += (long) frames[i] * dim * Float.BYTES;
        }
        if (expect != size) {
            throw corrupt("data should end at byte " + expect + " but the file has " + size + " bytes (truncated?)");
        }
        // Map item-aligned segments so that each item lies within one mapping.
        segmentOf = new int[count];
        List<long[]> ranges = new ArrayList<>();
        long segStart = dataStart;
        long segEnd = dataStart;
        for (int i = 0; i < count; i++) {
            long end = offsets[i] + (long) frames[i] * dim * Float.BYTES;
            if (end - segStart > SEGMENT_BYTES && segEnd > segStart) {
                ranges.add(new long[] {segStart, segEnd});
                segStart = segEnd;
            }
            segEnd = end;
            segmentOf[i] = ranges.size();
        }
        ranges.add(new long[] {segStart, segEnd});
        segments = new MappedByteBuffer[ranges.size()];
        segmentStart = new long[ranges.size()];
        for (int s = 0; s < segments.length; s++) {
            segmentStart[s] = ranges.get(s)[0];
            segments[s] = ch.map(FileChannel.MapMode.READ_ONLY, ranges.get(s)[0], ranges.get(s)[1] - ranges.get(s)[0]);
        }
    }

    /** Opens and validates {@code file}; any inconsistency is an IOException naming the file. */
    static FeatureFile open(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            return new FeatureFile(file, ch);
        } catch (NoSuchFileException e) {
            throw new IOException(file + ": feature file is missing", e);
        }
    }

    private static ByteBuffer readAt(FileChannel ch, long pos, int len) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(len).order(ByteOrder.LITTLE_ENDIAN);
        while (b.hasRemaining()) {
            if (ch.read(b, pos + b.position()) < 0) {
                break;
            }
        }
        return b.flip();
    }

    private IOException corrupt(String why) {
        return new IOException(file + ": corrupt feature file: " + why + " (delete it to rebuild)");
    }

    /** The {@link LogMel#describe()} string the file was computed with. */
    String description() {
        return description;
    }

    List<String> ids() {
        return ids;
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
        int s = segmentOf[i];
        // duplicate(): own position, so concurrent readers do not interfere
        ByteBuffer b = segments[s].duplicate().order(ByteOrder.LITTLE_ENDIAN);
        b.position((int) (offsets[i] - segmentStart[s]));
        java.nio.FloatBuffer f = b.asFloatBuffer();
        float[][] out = new float[frames[i]][dim];
        for (float[] row : out) {
            f.get(row);
        }
        return out;
    }
}
