package org.masrrepro.datasets.loaders;

import org.masrrepro.datasets.corpus.Utterance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * IEMOCAP ({@code root} = IEMOCAP_full_release): labels from {@code Session{1-5}/dialog/EmoEvaluation/*.txt}, lines
 * {@code [start - end]<TAB>TURN<TAB>EMOTION<TAB>[V, A, D]}; audio {@code Session{n}/sentences/wav/{dialog}/{TURN}.wav}
 * where the dialog is the turn name without its last {@code _XNNN} part. The usual 4 classes: neu, hap, ang, sad,
 * with exc merged into hap; other emotions are dropped and counted. Speaker = session + the turn's actor gender
 * (each session has one female and one male actor). Splits by session: {@code optFolds(test, dev)}, default 5 and 4.
 */
public final class Iemocap extends CorpusLoader {

    private static final Pattern LINE = Pattern.compile(
            "^\\[\\s*([0-9.]+)\\s*-\\s*([0-9.]+)\\s*]\\s+(Ses(\\d\\d)[FM]_\\S+_([FM])\\d+)\\s+(\\S+)\\s+\\[.*]\\s*$");
    private static final Map<String, String> CLASSES = Map.of("neu", "neu", "hap", "hap", "exc", "hap", "ang", "ang",
            "sad", "sad");

    private final Folds folds;

    private Iemocap(Builder b) {
        super(b);
        this.folds = new Folds(b.test, b.dev);
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String format() {
        return "iemocap";
    }

    @Override
    protected List<Utterance> rows() throws IOException {
        List<Utterance> out = new ArrayList<>();
        Map<String, Integer> dropped = new TreeMap<>();
        int sessions = 0;
        for (int s = 1; s <= 5; s++) {
            Path session = root.resolve("Session" + s);
            Path evalDir = session.resolve("dialog").resolve("EmoEvaluation");
            if (!Files.isDirectory(evalDir)) {
                continue;
            }
            sessions++;
            for (Path file : files(evalDir, ".txt")) {
                List<String> lines = lines(file, "IEMOCAP evaluation");
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i);
                    if (!line.startsWith("[")) {
                        continue; // per-evaluator lines (C-E1: ...), A-E lines and blank lines
                    }
                    Matcher m = LINE.matcher(line);
                    if (!m.matches()) {
                        throw new IOException(file + ": line " + (i + 1) + ": expected '[start - end] TURN EMOTION [V, A, D]', "
                                + "found '" + line + "'");
                    }
                    String turn = m.group(3);
                    String emotion = m.group(6);
                    String label = CLASSES.get(emotion);
                    if (label == null) {
                        dropped.merge(emotion, 1, Integer::sum);
                        continue;
                    }
                    int sessionNo = Integer.parseInt(m.group(4));
                    String dialog = turn.substring(0, turn.lastIndexOf('_'));
                    String audio = rel(session.resolve("sentences").resolve("wav").resolve(dialog).resolve(turn + ".wav"));
                    String gender = m.group(5);
                    out.add(Rows.row(turn, folds.split(sessionNo), "en", "Ses" + m.group(4) + "_" + gender, gender, "", "",
                            audio, label));
                }
            }
        }
        if (sessions == 0) {
            throw new IOException(root + ": no Session{1-5}/dialog/EmoEvaluation directories (IEMOCAP_full_release layout)");
        }
        note("labels: neu, hap (hap + exc), ang, sad; dropped: " + dropped);
        note(folds.describe("session"));
        return out;
    }

    /** Configures an {@link Iemocap} loader. */
    public static final class Builder extends BaseBuilder<Builder> {
        private int test = 5;
        private int dev = 4;

        /** Session used as test and as dev (0 = no dev); default 5 and 4. */
        public Builder optFolds(int testSession, int devSession) {
            this.test = testSession;
            this.dev = devSession;
            return this;
        }

        @Override
        public Iemocap build() {
            return new Iemocap(this);
        }
    }
}
