package org.masrrepro.datasets.audio;

import org.jflac.FLACDecoder;
import org.jflac.PCMProcessor;
import org.jflac.metadata.StreamInfo;
import org.jflac.util.ByteData;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/** Decodes FLAC (8/16/24-bit, any channel count, downmixed by mean) to mono float samples with the pure-Java jflac. */
final class Flac {

    /** "fLaC", the 4-byte STREAMINFO block header, then 18 bytes of STREAMINFO fields before its MD5. */
    private static final int MD5_OFFSET = 4 + 4 + 18;

    private Flac() {}

    private static boolean allZero(byte[] b) {
        for (byte x : b) {
            if (x != 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Decodes FLAC bytes. jflac swallows end-of-stream and corrupt frames (it counts them and goes on), so a cut file
     * would decode "successfully" to fewer samples: the decoded count is checked against STREAMINFO's total. jflac
     * does not check frame CRCs either, so damaged frames are caught by the stream's MD5 (of the decoded PCM).
     */
    static AudioClip decode(byte[] bytes, String sourceName) throws IOException {
        if (bytes.length < MD5_OFFSET + 16) {
            throw new IOException(sourceName + ": truncated FLAC: " + bytes.length + " bytes, shorter than its STREAMINFO");
        }
        FLACDecoder d = new FLACDecoder(new ByteArrayInputStream(bytes));
        Collector pcm = new Collector();
        try {
            d.readMetadata();
            StreamInfo si = d.getStreamInfo();
            if (si == null) {
                throw new IOException(sourceName + ": FLAC without a STREAMINFO block");
            }
            int bits = si.getBitsPerSample();
            if (bits != 8 && bits != 16 && bits != 24) {
                throw new IOException(sourceName + ": unsupported FLAC sample size " + bits + " bits (8, 16, 24 supported)");
            }
            if (si.getSampleRate() <= 0 || si.getChannels() < 1) {
                throw new IOException(sourceName + ": invalid FLAC STREAMINFO (rate " + si.getSampleRate()
                        + ", channels " + si.getChannels() + ")");
            }
            pcm.init(si.getChannels(), bits, si.getTotalSamples());
            d.addPCMProcessor(pcm);
            d.decodeFrames();
            if (d.getBadFrames() > 0) {
                throw new IOException(sourceName + ": corrupt FLAC: " + d.getBadFrames() + " frame(s) failed to decode");
            }
            long total = si.getTotalSamples(); // 0 = unknown (streamed encoders)
            if (total > 0 && pcm.frames != total) {
                throw new IOException(sourceName + ": truncated FLAC: decoded " + pcm.frames + " of the " + total
                        + " samples STREAMINFO declares");
            }
            byte[] md5 = Arrays.copyOfRange(bytes, MD5_OFFSET, MD5_OFFSET + 16);
            if (!allZero(md5) && !Arrays.equals(md5, pcm.md5.digest())) { // all-zero = encoder did not compute it
                throw new IOException(sourceName + ": corrupt FLAC: the MD5 of the decoded audio does not match the "
                        + "one in STREAMINFO (damaged frames)");
            }
            if (pcm.frames == 0) {
                throw new EmptyAudioException(sourceName + ": FLAC stream holds no audio frames");
            }
            return new AudioClip(pcm.samples(), si.getSampleRate());
        } catch (IOException e) {
            if (e.getMessage() != null && e.getMessage().startsWith(sourceName)) {
                throw e;
            }
            throw new IOException(sourceName + ": undecodable FLAC: " + e, e);
        } catch (RuntimeException e) { // jflac indexes past arrays on garbage
            throw new IOException(sourceName + ": undecodable FLAC: " + e, e);
        }
    }

    /** Collects PCM blocks (interleaved little-endian integers) as mean-downmixed floats. */
    private static final class Collector implements PCMProcessor {
        private int channels;
        private int bytesPer;
        private double scale;
        private float[] out = new float[0];
        private int frames;
        private final MessageDigest md5 = md5();

        private static MessageDigest md5() {
            try {
                return MessageDigest.getInstance("MD5");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("MD5 is a required JDK algorithm", e);
            }
        }

        void init(int channels, int bits, long total) {
            this.channels = channels;
            this.bytesPer = bits / 8;
            this.scale = 1.0 / (1L << (bits - 1));
            out = new float[(int) Math.max(1024, Math.min(total, Integer.MAX_VALUE - 8))];
        }

        @Override
        public void processStreamInfo(StreamInfo info) {}

        @Override
        public void processPCM(ByteData pcm) {
            byte[] b = pcm.getData();
            int n = pcm.getLen() / (bytesPer * channels);
            if (bytesPer == 1) { // FLAC's MD5 is over signed samples; jflac hands out 8-bit as unsigned
                for (int i = 0; i < n * channels; i++) {
                    md5.update((byte) ((b[i] & 0xff) - 128));
                }
            } else {
                md5.update(b, 0, n * bytesPer * channels);
            }
            if (frames + n > out.length) {
                out = Arrays.copyOf(out, Math.max(frames + n, out.length * 2));
            }
            int p = 0;
            for (int i = 0; i < n; i++) {
                double sum = 0;
                for (int c = 0; c < channels; c++, p += bytesPer) {
                    sum += sample(b, p);
                }
                out[frames++] = (float) (sum * scale / channels);
            }
        }

        private int sample(byte[] b, int p) {
            return switch (bytesPer) {
                case 1 -> (b[p] & 0xff) - 128; // jflac writes 8-bit as unsigned
                case 2 -> (b[p] & 0xff) | (b[p + 1] << 8);
                default -> (b[p] & 0xff) | ((b[p + 1] & 0xff) << 8) | (b[p + 2] << 16);
            };
        }

        float[] samples() {
            return Arrays.copyOf(out, frames);
        }
    }
}
