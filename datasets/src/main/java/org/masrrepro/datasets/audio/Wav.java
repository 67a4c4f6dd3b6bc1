package org.masrrepro.datasets.audio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Reads RIFF/WAVE (PCM 8/16/24/32-bit, IEEE float 32-bit; multi-channel downmixed by mean) and writes 16-bit PCM mono. */
public final class Wav {

    private static final int FORMAT_PCM = 1;
    private static final int FORMAT_FLOAT = 3;
    private static final int FORMAT_EXTENSIBLE = 0xFFFE;
    /** Sizes at or above this are streaming placeholders (espeak-ng writes 0x7ffff000/0x7ffff024; others 0xffffffff). */
    private static final long PLACEHOLDER_SIZE = 0x7FFF0000L;

    private Wav() {}

    /** Reads a WAV file; errors name the file and the reason. */
    public static AudioClip read(Path file) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new IOException(file + ": audio file is missing", e);
        }
        return decode(bytes, file.toString());
    }

    /**
     * Decodes WAV bytes. Streaming writers (espeak-ng {@code --stdout}) cannot seek back to fix the sizes, so they
     * leave placeholders (0, or near 2^31/2^32) in the RIFF and data headers; then the data runs to the end of the
     * bytes. A data chunk with a real size that is larger than the bytes present is a truncated file: an error.
     */
    public static AudioClip decode(byte[] b, String sourceName) throws IOException {
        if (b.length < 12 || !tag(b, 0, "RIFF") || !tag(b, 8, "WAVE")) {
            throw new IOException(sourceName + ": not a RIFF/WAVE file (" + b.length + " bytes, no RIFF/WAVE header)");
        }
        ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        long riffSize = buf.getInt(4) & 0xffffffffL;
        boolean streaming = riffSize == 0 || isPlaceholder(riffSize);
        int pos = 12;
        Format fmt = null;
        while (pos + 8 <= b.length) {
            long size = buf.getInt(pos + 4) & 0xffffffffL;
            int body = pos + 8;
            if (tag(b, pos, "fmt ")) {
                fmt = parseFormat(buf, body, size, sourceName);
            } else if (tag(b, pos, "data")) {
                if (fmt == null) {
                    throw new IOException(sourceName + ": data chunk before fmt chunk");
                }
                long available = b.length - body;
                long n;
                if (isPlaceholder(size) || (streaming && size == 0)) {
                    n = available; // streaming: the data is whatever follows
                } else if (size > available && !streaming) {
                    throw new IOException(sourceName + ": truncated WAV: data chunk declares " + size
                            + " bytes but only " + available + " are present");
                } else {
                    n = Math.min(size, available);
                }
                return new AudioClip(samples(buf, body, (int) n, fmt), fmt.rate);
            }
            long next = body + size + (size & 1); // chunks are padded to even length
            if (next > b.length) {
                break;
            }
            pos = (int) next;
        }
        throw new IOException(sourceName + ": truncated WAV: no " + (fmt == null ? "fmt" : "data") + " chunk in "
                + b.length + " bytes");
    }

    private static boolean isPlaceholder(long size) {
        return size >= PLACEHOLDER_SIZE;
    }

    private record Format(int code, int channels, int rate, int bits) {}

    private static Format parseFormat(ByteBuffer buf, int body, long size, String src) throws IOException {
        if (size < 16 || body + 16 > buf.capacity()) {
            throw new IOException(src + ": truncated fmt chunk (" + size + " bytes declared, 16 needed)");
        }
        int code = buf.getShort(body) & 0xffff;
        int channels = buf.getShort(body + 2) & 0xffff;
        int rate = buf.getInt(body + 4);
        int bits = buf.getShort(body + 14) & 0xffff;
        if (code == FORMAT_EXTENSIBLE && size >= 26 && body + 26 <= buf.capacity()) {
            code = buf.getShort(body + 24) & 0xffff; // sub-format GUID starts with the plain format code
        }
        if (channels < 1) {
            throw new IOException(src + ": invalid channel count " + channels);
        }
        if (rate <= 0) {
            throw new IOException(src + ": invalid sample rate " + rate);
        }
        boolean pcm = code == FORMAT_PCM && (bits == 8 || bits == 16 || bits == 24 || bits == 32);
        boolean flt = code == FORMAT_FLOAT && bits == 32;
        if (!pcm && !flt) {
            throw new IOException(src + ": unsupported WAV encoding (format " + code + ", " + bits + " bits)");
        }
        return new Format(code, channels, rate, bits);
    }

    private static float[] samples(ByteBuffer buf, int off, int n, Format f) {
        int bytesPer = f.bits / 8;
        int frameBytes = bytesPer * f.channels;
        int frames = n / frameBytes; // a partial last frame (cut stream) is dropped
        float[] out = new float[frames];
        for (int i = 0; i < frames; i++) {
            double sum = 0;
            int p = off + i * frameBytes;
            for (int c = 0; c < f.channels; c++, p += bytesPer) {
                sum += sample(buf, p, f.code, f.bits);
            }
            out[i] = (float) (sum / f.channels);
        }
        return out;
    }

    private static double sample(ByteBuffer buf, int p, int code, int bits) {
        if (code == FORMAT_FLOAT) {
            return buf.getFloat(p);
        }
        return switch (bits) {
            case 8 -> ((buf.get(p) & 0xff) - 128) / 128.0;
            case 16 -> buf.getShort(p) / 32768.0;
            case 24 -> ((buf.get(p) & 0xff) | ((buf.get(p + 1) & 0xff) << 8) | (buf.get(p + 2) << 16)) / 8388608.0;
            default -> buf.getInt(p) / 2147483648.0;
        };
    }

    private static boolean tag(byte[] b, int off, String t) {
        for (int i = 0; i < 4; i++) {
            if (b[off + i] != t.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /**
     * 16-bit PCM bytes of mono samples: clipped to [-1, 1], scaled by 32767, rounded half away from zero; NaN
     * becomes 0. (Reading divides by 32768, as libsndfile and torchaudio do.)
     */
    public static byte[] encode16(float[] samples, int sampleRate) {
        if (sampleRate <= 0) {
            throw new IllegalArgumentException("invalid sample rate " + sampleRate);
        }
        int dataBytes = Math.multiplyExact(samples.length, 2);
        ByteBuffer buf = ByteBuffer.allocate(44 + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        buf.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + dataBytes)
                .put("WAVE".getBytes(StandardCharsets.US_ASCII))
                .put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) FORMAT_PCM)
                .putShort((short) 1).putInt(sampleRate).putInt(sampleRate * 2).putShort((short) 2).putShort((short) 16)
                .put("data".getBytes(StandardCharsets.US_ASCII)).putInt(dataBytes);
        for (float s : samples) {
            buf.putShort(toPcm16(s));
        }
        return buf.array();
    }

    static short toPcm16(float s) {
        if (Float.isNaN(s)) {
            return 0;
        }
        double v = Math.max(-1.0, Math.min(1.0, s)) * 32767.0;
        return (short) (v >= 0 ? Math.floor(v + 0.5) : -Math.floor(-v + 0.5));
    }

    /** Writes 16-bit PCM mono via a unique temporary file in the same directory and an atomic move. */
    public static void write(Path file, float[] samples, int sampleRate) throws IOException {
        byte[] bytes = encode16(samples, sampleRate);
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        // Unique name: several threads may write different files (or retry the same one) at once.
        Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
        try {
            Files.write(tmp, bytes);
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            Files.deleteIfExists(tmp);
            throw new IOException(file + ": cannot write WAV: " + e.getMessage(), e);
        }
    }
}
