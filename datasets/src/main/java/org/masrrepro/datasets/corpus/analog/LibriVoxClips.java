package org.masrrepro.datasets.corpus.analog;

import org.masrrepro.datasets.audio.AudioClip;
import org.masrrepro.datasets.audio.Resampler;
import org.masrrepro.datasets.audio.Wav;
import org.masrrepro.datasets.corpus.CorpusCard;
import org.masrrepro.datasets.corpus.CorpusInfo;
import org.masrrepro.datasets.corpus.Utterance;
import org.masrrepro.datasets.system.DebianPackages;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * English real-speech smoke set: the five LibriVox clips (Sense and Sensibility, one reader, ~30 s) with transcripts
 * that Debian's pocketsphinx-testdata ships; all in the test split. The same source as MLS English, but five clips.
 */
public final class LibriVoxClips {

    public static final Path DATA_DIR = Path.of("/usr/share/pocketsphinx/test/data/librivox");
    public static final String PACKAGE = "pocketsphinx-testdata";
    static final int FORMAT = 1;
    private static final Pattern LINE = Pattern.compile("^<s>\\s*(.*?)\\s*</s>\\s*\\(([^)]+)\\)\\s*$");

    record Params(int format, String corpus, String dataDir) {}

    private final Params params;
    private final CorpusDirectory dir;
    private final Path dataDir;

    private LibriVoxClips(Path outputDir, Path dataDir) {
        this.params = new Params(FORMAT, "librivox-clips", dataDir.toAbsolutePath().normalize().toString());
        this.dir = new CorpusDirectory(outputDir, "LibriVox clips corpus");
        this.dataDir = dataDir;
    }

    /** The clips of pocketsphinx-testdata, written under {@code outputDir}. */
    public static LibriVoxClips of(Path outputDir) {
        return new LibriVoxClips(outputDir, DATA_DIR);
    }

    /** The same, read from another copy of the package's librivox directory (tests). */
    public static LibriVoxClips of(Path outputDir, Path dataDir) {
        return new LibriVoxClips(outputDir, dataDir);
    }

    public CorpusInfo prepare() throws IOException {
        CorpusInfo done = dir.reuse(params);
        if (done != null) {
            return done;
        }
        Path transcription = dataDir.resolve("transcription");
        if (!Files.isRegularFile(transcription)) {
            throw new IllegalStateException("apt-get install -y " + PACKAGE);
        }
        dir.clear();
        List<Utterance> utts = new ArrayList<>();
        int lineNo = 0;
        for (String line : Files.readAllLines(transcription)) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            Matcher m = LINE.matcher(line);
            if (!m.matches()) {
                throw new IOException(transcription + ": line " + lineNo + ": not '<s> words </s> (file id)'");
            }
            String fileId = m.group(2);
            AudioClip clip = Wav.read(dataDir.resolve(fileId + ".wav"));
            float[] x = Resampler.resample(clip.samples(), clip.sampleRate(), CorpusDirectory.SAMPLE_RATE);
            String id = "librivox-" + fileId;
            String rel = dir.writeAudio("audio/en/" + id + ".wav", x);
            utts.add(new Utterance(id, "test", "en", "librivox-austen-reader", "", fileId, m.group(1), rel, x.length,
                    false));
        }
        Map<String, String> packages = DebianPackages.versions(List.of(PACKAGE));
        CorpusCard.Builder card = CorpusCard.builder().optTitle("Corpus card: LibriVox clips (English smoke set)")
                .optDisclaimer("Real LibriVox speech as an MLS-English smoke analog — five clips, not MLS English.")
                .optDescription("Five public-domain LibriVox recordings (Jane Austen, Sense and Sensibility, chapter "
                        + "1, one reader) with lower-case transcripts, as shipped for pocketsphinx's tests. All clips "
                        + "are in the test split: they check real-speech decoding end to end, nothing more.")
                .optSources(List.of("Audio and transcripts: Debian " + PACKAGE + " (" + dataDir + "; LibriVox "
                        + "recordings are public domain; see /usr/share/doc/" + PACKAGE + "/copyright)"))
                .optNotes(List.of("Speaker: one reader (id librivox-austen-reader), gender not recorded"));
        return dir.finish(params, utts, packages, new LinkedHashMap<>(), card);
    }
}
