package org.masrrepro.reports.results;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Says where a set of result cells came from, from the cells alone: the corpora they were measured on, the corpora
 * their encoders were pretrained on and the profile. Every exported artifact that can be read on its own (a table
 * CSV, a chart) carries this, so none passes off an analog corpus's numbers as the paper's.
 */
public final class Origins {

    private Origins() {}

    /** Distinct non-empty values, sorted and {@code "; "}-joined; empty when there are none. */
    public static String join(Collection<String> values) {
        return String.join("; ", sorted(values));
    }

    /**
     * The cells' origin as three fields, each {@link #join}ed: corpora measured on, pretraining corpora, profiles (the
     * {@code corpus}, {@code pretraining_corpus} and {@code profile} columns of every exported table).
     */
    public static List<String> fields(Collection<ResultCell> cells) {
        return List.of(join(cells.stream().map(ResultCell::corpus).toList()),
                join(cells.stream().map(ResultCell::pretrainingCorpus).toList()),
                join(cells.stream().map(ResultCell::profile).toList()));
    }

    /**
     * One line (see {@link #line}) of the cells' corpora, pretraining corpora and profiles, each sorted;
     * {@code "no results of ours"} for no cells.
     */
    public static String of(Collection<ResultCell> cells) {
        if (cells.isEmpty()) {
            return "no results of ours";
        }
        return line(sorted(cells.stream().map(ResultCell::corpus).toList()),
                sorted(cells.stream().map(ResultCell::pretrainingCorpus).toList()),
                sorted(cells.stream().map(ResultCell::profile).toList()));
    }

    /**
     * One line: {@code "ours on: <corpora> — pretrained on: <corpora> — profile <p>"}, the pretraining part left out
     * when there is none; each part its distinct non-empty values in the order given, {@code "; "}-joined.
     */
    public static String line(Collection<String> measuredOn, Collection<String> pretrainedOn,
            Collection<String> profiles) {
        String pretraining = distinct(pretrainedOn);
        return "ours on: " + distinct(measuredOn) + (pretraining.isEmpty() ? "" : " — pretrained on: " + pretraining)
                + " — profile " + distinct(profiles);
    }

    private static List<String> nonBlank(Collection<String> values) {
        return values.stream().filter(Objects::nonNull).filter(v -> !v.isBlank()).toList();
    }

    private static Set<String> sorted(Collection<String> values) {
        return new TreeSet<>(nonBlank(values));
    }

    private static String distinct(Collection<String> values) {
        return String.join("; ", new LinkedHashSet<>(nonBlank(values)));
    }
}
