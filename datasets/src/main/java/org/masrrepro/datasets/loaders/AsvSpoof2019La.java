package org.masrrepro.datasets.loaders;

import org.masrrepro.datasets.corpus.Utterance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * ASVspoof 2019 logical access (LA), as the LA.zip release extracts ({@code root} is {@code LA/} or its parent):
 * protocols {@code ASVspoof2019_LA_cm_protocols/ASVspoof2019.LA.cm.{train.trn,dev.trl,eval.trl}.txt} with lines
 * {@code SPEAKER UTT - SYSTEM KEY} (KEY bonafide or spoof), audio {@code ASVspoof2019_LA_{train,dev,eval}/flac/UTT.flac}.
 * The label is the key; eval becomes the test split; the language is English.
 */
public final class AsvSpoof2019La extends CorpusLoader {

    private static final Map<String, String> PROTOCOLS = Map.of("train", "train.trn", "dev", "dev.trl", "eval", "eval.trl");

    private AsvSpoof2019La(Builder b) {
        super(b);
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String format() {
        return "asvspoof2019_la";
    }

    @Override
    protected List<Utterance> rows() throws IOException {
        Path la = Files.isDirectory(root.resolve("LA")) ? root.resolve("LA") : root;
        List<Utterance> out = new ArrayList<>();
        for (String part : List.of("train", "dev", "eval")) {
            Path protocol = la.resolve("ASVspoof2019_LA_cm_protocols").resolve("ASVspoof2019.LA.cm." + PROTOCOLS.get(part) + ".txt");
            List<String> lines = lines(protocol, "ASVspoof 2019 LA protocol");
            String split = part.equals("eval") ? "test" : part;
            Map<String, Integer> systems = new TreeMap<>();
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).trim();
                if (line.isEmpty()) {
                    continue;
                }
                String[] f = line.split("\\s+");
                if (f.length != 5 || !(f[4].equals("bonafide") || f[4].equals("spoof"))) {
                    throw new IOException(protocol + ": line " + (i + 1) + ": expected 'SPEAKER UTT - SYSTEM KEY' with "
                            + "KEY bonafide or spoof, found '" + line + "'");
                }
                systems.merge(f[3], 1, Integer::sum);
                String audio = rel(la.resolve("ASVspoof2019_LA_" + part).resolve("flac").resolve(f[1] + ".flac"));
                out.add(Rows.row(f[1], split, "en", f[0], "", "", "", audio, f[4]));
            }
            note(part + " systems (\"-\" = bonafide): " + systems);
        }
        note("source: ASVspoof 2019 LA, " + la + "; eval protocol -> test split");
        return out;
    }

    /** Configures an {@link AsvSpoof2019La} loader. */
    public static final class Builder extends BaseBuilder<Builder> {
        @Override
        public AsvSpoof2019La build() {
            return new AsvSpoof2019La(this);
        }
    }
}
