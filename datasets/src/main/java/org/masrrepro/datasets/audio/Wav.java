package org.masrrepro.datasets.audio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Reads RIFF/WAVE (PCM 8/16/24/32-bit, IEEE float 32-bit; multi-channel downmixed) and writes 16-bit PCM mono. */
public final class Wav {

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
     * Decodes WAV bytes. Streaming writers (espeak-ng {@code --stdout}) put placeholder sizes in the RIFF and data
     * headers; a data chunk that claims more bytes than present is therefore read to the end of the bytes, while a
     * file whose header itself is cut is an error.
     */
    public static AudioClip decode(byte[] b, String sourceName) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        if (b.length < 12 || !tag(b, 0, "RIFF") || !tag(b, 8, "WAVE")) {
            throw new IOException(sourceName + ": not a RIFF/WAVE file (" + b.length + " bytes)");
        }
        int pos = 12;
        int format = -1;
        int channels = 0;
        int rate = 0;
        int bits = 0;
        while (pos + 8 <= b.length) {
            String id = new String(b, pos, 4, StandardCharsets.US_ASCII);
            long size = buf.getInt(pos + 4) & 0xffffffffL;
            int body = pos + 8;
            if (id.equals("fmt ")) {
                if (body + 16 > b.length) {
                    throw new IOException(sourceName + ": truncated fmt chunk");
                }
                format = buf.getShort(body) & 0xffff;
                channels = buf.getShort(body + 2) & 0xffff;
                rate = buf.getInt(body + 4);
                bits = buf.getShort(body + 14) & 0xffff;
                if (format == 0xFFFE && size >= 26 && body + 26 <= b.length) {
                    format = buf.getShort(body + 24) & 0xffff; // WAVE_FORMAT_EXTENSIBLE: sub-format GUID's first 2 bytes
                }
            } else if (id.equals("data")) {
                if (format < 0) {
                    throw new IOException(sourceName + ": data chunk before fmt chunk");
                }
                long available = b.length - body;
                int n = (int) Math.min(size, available);
                return new AudioClip(samples(buf, body, n, format, channels, bits, sourceName), rate);
            }
            pos = body + (int) Math.min(size + (size & 1), Integer.MAX_VALUE - body);
        }
        throw new IOException(sourceName + ": no data chunk (truncated or not audio)");
    }

    private static float[] samples(ByteBuffer buf, int off, int n, int format, int channels, int bits, String src)
            throws IOException {
        if (channels < 1) {
            throw new IOException(src + ": invalid channel count " + channels);
        }
        int bytesPer = bits / 8;
        if (!(format == 1 && (bits == 8 || bits == 16 || bits == 24 || bits == 32)) && !(format == 3 && bits == 32)) {
            throw new IOException(src + ": unsupported WAV encoding (format " + format + ", " + bits + " bits)");
        }
        int frames = n / (bytesPer * channels);
        float[] out = new float[frames];
        for (int f = 0; f < frames; f++) {
            double sum = 0;
            for (int c = 0; c < channels; c++) {
                int p = off + (f * channels + c) * bytesPer;
                sum += sample(buf, p, format, bits);
            }
            out[f] = (float) (sum / channels);
        }
        return out;
    }

    private static double sample(ByteBuffer buf, int p, int format, int bits) {
        if (format == 3) {
            return buf.getFloat(p);
        }
        return switch (bits) {
            case 8 -> ((buf.get(p) & 0xff) - 128) / 128.0;
            case 16 -> buf.getShort(p) / 32768.0;
            case 24 -> (((buf.get(p) & 0xff) | ((buf.get(p + 1) & 0xff) << 8) | (buf.get(p + 2) << 16))) / 8388608.0;
            default -> buf.getInt(p) / 2147483648.0;
        };
    }

    private static boolean tag(byte[] b, int off, String t) {
        return new String(b, off, 4, StandardCharsets.US_ASCII).equals(t);
    }

    /** 16-bit PCM bytes of mono samples (clipped to [-1, 1], rounded half away from zero). */
    public static byte[] encode16(float[] samples, int sampleRate) {
        ByteBuffer buf = ByteBuffer.allocate(44 + samples.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        buf.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + samples.length * 2)
                .put("WAVE".getBytes(StandardCharsets.US_ASCII))
                .put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1).putShort((short) 1)
                .putInt(sampleRate).putInt(sampleRate * 2).putShort((short) 2).putShort((short) 16)
                .put("data".getBytes(StandardCharsets.US_ASCII)).putInt(samples.length * 2);
        for (float s : samples) {
            double v = Math.max(-1.0, Math.min(1.0, s)) * 32767.0;
            buf.putShort((short) Math.round(v));
        }
        return buf.array();
    }

    /** Writes 16-bit PCM mono via a temporary file and an atomic move. */
    public static void write(Path file, float[] samples, int sampleRate) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(tmp, encode16(samples, sampleRate));
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
