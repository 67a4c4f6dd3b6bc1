package org.masrrepro.reports.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Accuracy within groups of closely related languages (the confusions the paper analyses): per group, the share of
 * its utterances labelled correctly, and the share labelled as another member of the same group.
 */
public final class CloseGroups {

    /** Groups the paper discusses (section 6) or the issue tracks, by ISO 639-1 code. */
    public static final Map<String, List<String>> PAPER = paper();

    /** One group's result; percentages, over the group's utterances. */
    public record GroupAccuracy(List<String> languages, int utterances, double accuracy, double confusedWithinGroup) {}

    private CloseGroups() {}

    private static Map<String, List<String>> paper() {
        Map<String, List<String>> g = new LinkedHashMap<>();
        g.put("Serbo-Croatian", List.of("bs", "hr", "sr"));
        g.put("North Germanic", List.of("sv", "nb", "da", "is"));
        g.put("Malay", List.of("id", "ms"));
        g.put("Czech-Slovak", List.of("cs", "sk"));
        g.put("East Slavic", List.of("ru", "uk", "be"));
        g.put("Ibero-Romance", List.of("ca", "es", "pt"));
        g.put("Japanese-Korean", List.of("ja", "ko"));
        g.put("Georgian-Armenian", List.of("ka", "hy"));
        g.put("Dravidian", List.of("kn", "ml", "ta", "te"));
        g.put("Indo-Aryan (east)", List.of("bn", "as", "or"));
        g.put("Indo-Aryan (west/north)", List.of("hi", "pa", "gu", "mr", "ne"));
        return java.util.Collections.unmodifiableMap(g);
    }

    /**
     * Per group of {@code groups} with at least two of {@code classes}: accuracy over the utterances of its present
     * members, from a confusion matrix [truth][prediction] over {@code classes}.
     */
    public static Map<String, GroupAccuracy> evaluate(int[][] confusion, List<String> classes,
            Map<String, List<String>> groups) {
        Map<String, GroupAccuracy> out = new LinkedHashMap<>();
        groups.forEach((name, members) -> {
            List<Integer> idx = new ArrayList<>();
            List<String> present = new ArrayList<>();
            for (String m : members) {
                int i = classes.indexOf(m);
                if (i >= 0) {
                    idx.add(i);
                    present.add(m);
                }
            }
            if (idx.size() < 2) {
                return;
            }
            long total = 0;
            long correct = 0;
            long within = 0;
            for (int t : idx) {
                for (int p = 0; p < confusion[t].length; p++) {
                    total += confusion[t][p];
                    if (p == t) {
                        correct += confusion[t][p];
                    } else if (idx.contains(p)) {
                        within += confusion[t][p];
                    }
                }
            }
            out.put(name, new GroupAccuracy(List.copyOf(present), (int) total,
                    total == 0 ? Double.NaN : 100.0 * correct / total, total == 0 ? Double.NaN : 100.0 * within / total));
        });
        return out;
    }
}
