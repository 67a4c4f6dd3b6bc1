package org.masrrepro.reports.report;

import org.masrrepro.reports.metrics.ClassificationReport;

import java.util.List;
import java.util.Map;

/**
 * What the report shows of one run, paths relative to the report directory.
 *
 * @param spec        spec id
 * @param seed        root seed
 * @param describes   what of the paper it reproduces
 * @param table       paper table id of its main result
 * @param row         its row in that table
 * @param dataset     dataset column prefix (fleurs, dhvani, mls...)
 * @param corpus      the corpus its numbers were measured on, named honestly
 * @param cardLink    link to that corpus's card, or null
 * @param provenance  link to the provenance.json behind its numbers
 * @param metrics     classification outputs (null for non-classification runs)
 * @param curves      training curves by name: [steps, values]
 * @param corpora     every corpus the run used (pretraining, continued pretraining, downstream), each once
 */
public record RunSummary(String spec, long seed, String describes, String table, String row, String dataset,
        String corpus, String cardLink, String provenance, ClassificationReport metrics, Map<String, double[][]> curves,
        List<Corpus> corpora) {

    /** Role of the corpus whose pretrain split an encoder was pretrained on. */
    public static final String PRETRAINING = "pretraining";
    /** Role of the corpus a continued pretraining ({@code init_from}) trained on after its base. */
    public static final String CONTINUED_PRETRAINING = "continued pretraining";
    /** Role of the corpus the numbers were measured on (fine-tuning or probe, and evaluation). */
    public static final String DOWNSTREAM = "downstream";
    /** The roles, in the order every list of corpora names them. */
    public static final List<String> ROLES = List.of(PRETRAINING, CONTINUED_PRETRAINING, DOWNSTREAM);

    /**
     * One corpus a run used.
     *
     * @param label    its label (says "analog" for offline analogs)
     * @param roles    what the run used it for ({@link #PRETRAINING}, {@link #CONTINUED_PRETRAINING},
     *                 {@link #DOWNSTREAM}), in that order
     * @param cardLink link to its card, or null
     * @param note     what else a reader must know of it (e.g. skipped audio files), or empty
     */
    public record Corpus(String label, List<String> roles, String cardLink, String note) {
        public Corpus {
            roles = List.copyOf(roles);
            note = note == null ? "" : note;
        }

        /** Whether an encoder of the run was pretrained on it. */
        public boolean pretrainedOn() {
            return roles.contains(PRETRAINING) || roles.contains(CONTINUED_PRETRAINING);
        }
    }

    public RunSummary {
        corpora = corpora == null ? List.of() : List.copyOf(corpora);
    }

    /** A run that names only the corpus its numbers were measured on. */
    public RunSummary(String spec, long seed, String describes, String table, String row, String dataset, String corpus,
            String cardLink, String provenance, ClassificationReport metrics, Map<String, double[][]> curves) {
        this(spec, seed, describes, table, row, dataset, corpus, cardLink, provenance, metrics, curves,
                List.of(new Corpus(corpus, List.of(DOWNSTREAM), cardLink, "")));
    }

    /** Where this run's numbers come from, in one line (as {@link org.masrrepro.reports.results.Origins#of}). */
    public String origin(String profile) {
        List<String> pretrained = corpora.stream().filter(Corpus::pretrainedOn).map(Corpus::label).toList();
        return "ours on: " + corpus + (pretrained.isEmpty() ? "" : " — pretrained on: " + String.join("; ",
                new java.util.LinkedHashSet<>(pretrained))) + " — profile " + profile;
    }
}
