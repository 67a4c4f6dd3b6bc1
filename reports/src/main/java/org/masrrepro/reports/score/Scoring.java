package org.masrrepro.reports.score;

import com.google.gson.GsonBuilder;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.masrrepro.reports.metrics.ClassificationMetrics;
import org.masrrepro.reports.metrics.ClassificationReport;
import org.masrrepro.reports.wer.Trn;
import org.masrrepro.reports.wer.WordErrorRate;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Scores other systems' outputs the way the harness scores its own: language-ID score tables and WER of trn files. */
public final class Scoring {

    private Scoring() {}

    /**
     * Language ID from a CSV with columns {@code id, true}, an optional {@code predicted} (ignored: the argmax of
     * the scores is used), then one score column per class (higher = more likely).
     */
    public static Map<String, Object> lid(Path scoresCsv) throws IOException {
        try (Reader r = Files.newBufferedReader(scoresCsv, StandardCharsets.UTF_8);
                CSVParser p = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build().parse(r)) {
            List<String> header = p.getHeaderNames();
            if (header.size() < 4 || !header.get(1).equals("true")) {
                throw new IOException(scoresCsv + ": expected columns id,true[,predicted],<class>...; found " + header);
            }
            int first = header.get(2).equals("predicted") ? 3 : 2;
            List<String> classes = header.subList(first, header.size());
            List<int[]> truth = new ArrayList<>();
            List<float[]> scores = new ArrayList<>();
            for (CSVRecord rec : p) {
                int t = classes.indexOf(rec.get(1));
                if (t < 0) {
                    throw new IOException(scoresCsv + ": line " + (rec.getRecordNumber() + 1) + ": true label \""
                            + rec.get(1) + "\" is not a score column " + classes);
                }
                float[] s = new float[classes.size()];
                for (int c = 0; c < s.length; c++) {
                    s[c] = Float.parseFloat(rec.get(first + c));
                }
                truth.add(new int[] {t});
                scores.add(s);
            }
            int[] y = truth.stream().mapToInt(a -> a[0]).toArray();
            ClassificationReport rep = ClassificationMetrics.evaluate(y, scores.toArray(float[][]::new), classes, Set.of());
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("utterances", rep.n());
            out.put("accuracy", rep.accuracy());
            out.put("macro_f1", rep.macroF1());
            out.put("eer", rep.eer());
            out.put("recall_per_class", rep.recallPerClass());
            return out;
        }
    }

    /** WER of hypothesis against reference trn files; every reference utterance must have a hypothesis. */
    public static Map<String, Object> wer(Path refTrn, Path hypTrn) throws IOException {
        Map<String, List<String>> ref = Trn.read(refTrn);
        Map<String, List<String>> hyp = Trn.read(hypTrn);
        WordErrorRate.Counts total = new WordErrorRate.Counts(0, 0, 0, 0);
        for (Map.Entry<String, List<String>> e : ref.entrySet()) {
            List<String> h = hyp.get(e.getKey());
            if (h == null) {
                throw new IOException(hypTrn + ": no hypothesis for utterance " + e.getKey() + " of " + refTrn);
            }
            total = total.plus(WordErrorRate.align(e.getValue(), h));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("utterances", ref.size());
        out.put("reference_words", total.referenceWords());
        out.put("substitutions", total.substitutions());
        out.put("deletions", total.deletions());
        out.put("insertions", total.insertions());
        out.put("wer", total.wer());
        return out;
    }

    public static String json(Map<String, Object> m) {
        return new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues().create().toJson(m);
    }
}
