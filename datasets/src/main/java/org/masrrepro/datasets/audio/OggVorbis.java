package org.masrrepro.datasets.audio;

import com.jcraft.jogg.Packet;
import com.jcraft.jogg.Page;
import com.jcraft.jogg.StreamState;
import com.jcraft.jogg.SyncState;
import com.jcraft.jorbis.Block;
import com.jcraft.jorbis.Comment;
import com.jcraft.jorbis.DspState;
import com.jcraft.jorbis.Info;

import java.io.IOException;
import java.util.Arrays;

/** Decodes Ogg Vorbis (first logical stream; channels downmixed by mean) to mono float samples with the pure-Java jorbis. */
final class OggVorbis {

    private OggVorbis() {}

    /**
     * Decodes Ogg Vorbis bytes. A stream must end with an end-of-stream page: a cut file (no EOS page, or a partial
     * last page) is an error, as is a page with a bad checksum (a hole). The output is trimmed to the last page's
     * granule position, which is the stream's exact length.
     */
    static AudioClip decode(byte[] bytes, String sourceName) throws IOException {
        try {
            return decodeUnchecked(bytes, sourceName);
        } catch (RuntimeException e) { // jorbis indexes past arrays on garbage
            throw new IOException(sourceName + ": undecodable Ogg Vorbis: " + e, e);
        }
    }

    private static AudioClip decodeUnchecked(byte[] bytes, String src) throws IOException {
        SyncState sync = new SyncState();
        sync.init();
        int at = sync.buffer(bytes.length);
        System.arraycopy(bytes, 0, sync.data, at, bytes.length);
        sync.wrote(bytes.length);

        Page page = new Page();
        Packet packet = new Packet();
        if (sync.pageout(page) != 1) {
            throw new IOException(src + ": not an Ogg bitstream (no complete first page)");
        }
        StreamState stream = new StreamState();
        int serial = page.serialno();
        stream.init(serial);
        Info info = new Info();
        Comment comment = new Comment();
        info.init();
        comment.init();
        if (stream.pagein(page) < 0 || stream.packetout(packet) != 1) {
            throw new IOException(src + ": Ogg first page holds no header packet");
        }
        if (info.synthesis_headerin(comment, packet) < 0) {
            throw new IOException(src + ": Ogg stream is not Vorbis (Opus, Speex and FLAC-in-Ogg are not supported)");
        }
        int headers = 1;
        while (headers < 3) {
            int r = sync.pageout(page);
            if (r == 0) {
                throw new IOException(src + ": truncated Ogg Vorbis: the stream ends inside its headers");
            }
            if (r < 0) {
                throw new IOException(src + ": corrupt Ogg Vorbis: bad page in the headers");
            }
            stream.pagein(page);
            while (headers < 3) {
                r = stream.packetout(packet);
                if (r == 0) {
                    break;
                }
                if (r < 0 || info.synthesis_headerin(comment, packet) < 0) {
                    throw new IOException(src + ": corrupt Ogg Vorbis: bad header packet " + (headers + 1));
                }
                headers++;
            }
        }
        if (info.rate <= 0 || info.channels < 1) {
            throw new IOException(src + ": invalid Vorbis header (rate " + info.rate + ", channels " + info.channels + ")");
        }
        DspState dsp = new DspState();
        dsp.synthesis_init(info);
        Block block = new Block(dsp);
        block.init(dsp);

        float[][][] pcm = new float[1][][];
        int[] index = new int[info.channels];
        float[] out = new float[Math.max(4096, bytes.length * 4)];
        int frames = 0;
        long lastGranule = -1;
        boolean eos = false;
        while (!eos) {
            int r = sync.pageout(page);
            if (r == 0) {
                break; // no further complete page
            }
            if (r < 0) {
                throw new IOException(src + ": corrupt Ogg Vorbis: lost page sync (bad checksum or missing data) after "
                        + frames + " samples");
            }
            if (page.serialno() != serial) {
                continue; // another logical stream (chained/multiplexed): only the first is read
            }
            stream.pagein(page);
            while ((r = stream.packetout(packet)) != 0) {
                if (r < 0) {
                    throw new IOException(src + ": corrupt Ogg Vorbis: missing packet data after " + frames + " samples");
                }
                if (block.synthesis(packet) == 0) {
                    dsp.synthesis_blockin(block);
                }
                int n;
                while ((n = dsp.synthesis_pcmout(pcm, index)) > 0) {
                    if (frames + n > out.length) {
                        out = Arrays.copyOf(out, Math.max(frames + n, out.length * 2));
                    }
                    for (int i = 0; i < n; i++) {
                        double sum = 0;
                        for (int c = 0; c < info.channels; c++) {
                            sum += pcm[0][c][index[c] + i];
                        }
                        out[frames++] = (float) (sum / info.channels);
                    }
                    dsp.synthesis_read(n);
                }
            }
            if (page.granulepos() >= 0) {
                lastGranule = page.granulepos();
            }
            eos = page.eos() != 0;
        }
        if (!eos) {
            throw new IOException(src + ": truncated Ogg Vorbis: no end-of-stream page (decoded " + frames
                    + " samples before the data ran out)");
        }
        if (lastGranule >= 0 && lastGranule < frames) {
            frames = (int) lastGranule; // the last page's granule position trims the final block's padding
        }
        if (frames == 0) {
            throw new EmptyAudioException(src + ": Ogg Vorbis stream holds no audio");
        }
        return new AudioClip(Arrays.copyOf(out, frames), info.rate);
    }
}
