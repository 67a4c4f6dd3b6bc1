package org.masrrepro.datasets.loaders;

import org.masrrepro.datasets.corpus.Utterance;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/** Renders the corpus card (Markdown) of a real corpus read by a loader: source, counts per split/language/label, skipped files. */
public final class RealCorpusCard {

    private static final List<String> SPLITS = List.of("pretrain", "train", "dev", "test");
    /** Bad files listed by name; the rest are counted. */
    private static final int MAX_LISTED = 50;

    private RealCorpusCard() {}

    /** The card; deterministic (same corpus, same text). */
    public static String render(String title, LoadedCorpus c, String manifestSha256) {
        List<Utterance> utts = c.utterances();
        StringBuilder sb = new StringBuilder();
        sb.append("# ").append(title).append("\n\n");
        sb.append("**Real corpus** read by the `").append(c.format()).append("` loader from `")
                .append(c.root().toAbsolutePath().normalize()).append("` (audio paths in the manifest point there).\n\n");
        sb.append(String.format(Locale.ROOT, "- Utterances: %d; total hours: %.4f%n", utts.size(), c.hours()));
        sb.append("- Manifest SHA-256: `").append(manifestSha256).append("`\n");
        sb.append("- Bad audio files skipped: ").append(c.badFiles().size()).append("\n");
        c.notes().forEach(n -> sb.append("- ").append(n).append("\n"));

        List<String> splits = new ArrayList<>();
        TreeSet<String> present = new TreeSet<>();
        utts.forEach(u -> present.add(u.split()));
        SPLITS.stream().filter(present::contains).forEach(splits::add);
        present.stream().filter(s -> !SPLITS.contains(s)).forEach(splits::add);

        table(sb, "Splits", "split", utts, Utterance::split, splits);
        table(sb, "Languages", "language", utts, Utterance::language, splits);
        if (utts.stream().anyMatch(u -> !u.label().isEmpty())) {
            table(sb, "Labels", "label", utts, Utterance::label, splits);
        }
        if (!c.badFiles().isEmpty()) {
            sb.append("\n## Skipped audio files\n\n");
            c.badFiles().stream().limit(MAX_LISTED).forEach(b -> sb.append("- `").append(b.audioPath()).append("`: ")
                    .append(b.reason().replace('\n', ' ')).append("\n"));
            if (c.badFiles().size() > MAX_LISTED) {
                sb.append("- ... and ").append(c.badFiles().size() - MAX_LISTED).append(" more\n");
            }
        }
        return sb.toString();
    }

    /** Utterances and hours per value of {@code key}, one column pair per split. */
    private static void table(StringBuilder sb, String heading, String what, List<Utterance> utts,
            Function<Utterance, String> key, List<String> splits) {
        sb.append("\n## ").append(heading).append("\n\n| ").append(what).append(" | utterances | hours | speakers |");
        splits.forEach(s -> sb.append(" ").append(s).append(" |"));
        sb.append("\n|---|---|---|---|").append("---|".repeat(splits.size())).append("\n");
        Map<String, List<Utterance>> groups = new TreeMap<>();
        utts.forEach(u -> groups.computeIfAbsent(key.apply(u), k -> new ArrayList<>()).add(u));
        groups.forEach((k, l) -> {
            sb.append(String.format(Locale.ROOT, "| %s | %d | %.4f | %d |", k.isEmpty() ? "(none)" : k, l.size(), hours(l),
                    l.stream().map(Utterance::speaker).filter(s -> !s.isEmpty()).distinct().count()));
            for (String s : splits) {
                sb.append(" ").append(l.stream().filter(u -> u.split().equals(s)).count()).append(" |");
            }
            sb.append("\n");
        });
    }

    private static double hours(Collection<Utterance> utts) {
        return utts.stream().mapToLong(Utterance::numSamples).sum() / 16000.0 / 3600;
    }
}
