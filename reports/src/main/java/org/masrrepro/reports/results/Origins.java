package org.masrrepro.reports.results;

import java.util.Collection;
import java.util.Objects;
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
        TreeSet<String> distinct = new TreeSet<>();
        values.stream().filter(Objects::nonNull).filter(v -> !v.isBlank()).forEach(distinct::add);
        return String.join("; ", distinct);
    }

    /**
     * One line: {@code "ours on: <corpora> — pretrained on: <corpora> — profile <p>"}, the pretraining part left out
     * when no cell names one; {@code "no results of ours"} for no cells.
     */
    public static String of(Collection<ResultCell> cells) {
        if (cells.isEmpty()) {
            return "no results of ours";
        }
        String pretraining = join(cells.stream().map(ResultCell::pretrainingCorpus).toList());
        return "ours on: " + join(cells.stream().map(ResultCell::corpus).toList())
                + (pretraining.isEmpty() ? "" : " — pretrained on: " + pretraining)
                + " — profile " + join(cells.stream().map(ResultCell::profile).toList());
    }
}
