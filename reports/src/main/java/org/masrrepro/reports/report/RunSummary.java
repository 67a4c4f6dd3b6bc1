package org.masrrepro.reports.report;

import org.masrrepro.reports.metrics.ClassificationReport;
import org.masrrepro.reports.results.Origins;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

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
    /**
     * Role of the corpus an untrained encoder (pretraining of 0 steps: the random-init row) took only its input
     * normalisation statistics from: nothing was pretrained on it.
     */
    public static final String INPUT_STATISTICS = "input statistics only (untrained encoder)";
    /** Role of the corpus the numbers were measured on (fine-tuning or probe, and evaluation). */
    public static final String DOWNSTREAM = "downstream";
    /** The roles, in the order every list of corpora names them. */
    public static final List<String> ROLES = List.of(PRETRAINING, CONTINUED_PRETRAINING, INPUT_STATISTICS,
            DOWNSTREAM);

    /** Spec id prefix of a corpus's non-learned floor (its run record's spec is {@code floor/<dataset>}). */
    public static final String FLOOR_PREFIX = "floor/";

    /** Whether a spec id names a corpus's non-learned floor rather than a learned run. */
    public static boolean isFloorSpec(String spec) {
        return spec.startsWith(FLOOR_PREFIX);
    }

    /**
     * One corpus a run used.
     *
     * @param label    its label (says "analog" for offline analogs)
     * @param roles    what the run used it for ({@link #PRETRAINING}, {@link #CONTINUED_PRETRAINING},
     *                 {@link #DOWNSTREAM}), in that order
     * @param cardLink link to its card, or null
     * @param source   its corpus step directory, relative to the runs root: which build of the corpus it is (null when
     *                 not known)
     * @param real     a real corpus read from disk (else an offline analog the project built)
     * @param skipped  audio files it left out ({@code skip_bad_files}); 0 for none
     */
    public record Corpus(String label, List<String> roles, String cardLink, String source, boolean real, int skipped) {
        public Corpus {
            roles = List.copyOf(roles);
        }

        /** An offline analog of unknown build that left nothing out. */
        public Corpus(String label, List<String> roles, String cardLink) {
            this(label, roles, cardLink, null, false, 0);
        }

        /** Whether an encoder of the run was pretrained on it. */
        public boolean pretrainedOn() {
            return roles.contains(PRETRAINING) || roles.contains(CONTINUED_PRETRAINING);
        }

        /** What the report's corpus lists say of it besides label and roles: analog or real, and any files left out. */
        public String note() {
            return (real ? "real corpus read from disk" : "offline analog, not the paper's dataset")
                    + (skipped > 0 ? "; " + skippedText(skipped) + ", listed in its card" : "");
        }

        /** "n missing or unreadable audio file(s) left out (skip_bad_files)". */
        public static String skippedText(int n) {
            return n + " missing or unreadable audio file" + (n == 1 ? "" : "s") + " left out (skip_bad_files)";
        }

        /** This corpus used for {@code role} as well. */
        public Corpus withRole(String role) {
            if (roles.contains(role)) {
                return this;
            }
            Set<String> more = new HashSet<>(roles);
            more.add(role);
            return new Corpus(label, ordered(more), cardLink, source, real, skipped);
        }

        /** This corpus with its card at {@code link} (null: none). */
        public Corpus withCardLink(String link) {
            return new Corpus(label, roles, link, source, real, skipped);
        }

        /**
         * The corpora, those with the same key merged into one entry: roles unioned (in {@link #ROLES} order), real if
         * any of them is, skipped files summed over their distinct {@link #source}s (one corpus step met twice counts
         * once; entries without a source count as one); label and source of the first met, the first card link any
         * has. Sorted by first role (pretraining corpora first, then those only measured on), ties in the order first met:
         * callers that want another order within a role sort their input.
         */
        public static List<Corpus> merge(Collection<Corpus> corpora, Function<Corpus, String> key) {
            Map<String, List<Corpus>> groups = new LinkedHashMap<>();
            for (Corpus c : corpora) {
                groups.computeIfAbsent(key.apply(c), k -> new ArrayList<>()).add(c);
            }
            List<Corpus> out = new ArrayList<>();
            for (List<Corpus> group : groups.values()) {
                Set<String> roles = new HashSet<>();
                boolean real = false;
                String cardLink = null;
                Map<String, Integer> skippedBySource = new HashMap<>();
                for (Corpus c : group) {
                    roles.addAll(c.roles());
                    real |= c.real();
                    cardLink = cardLink != null ? cardLink : c.cardLink();
                    skippedBySource.merge(c.source(), c.skipped(), Math::max);
                }
                Corpus first = group.get(0);
                out.add(new Corpus(first.label(), ordered(roles), cardLink, first.source(), real,
                        skippedBySource.values().stream().mapToInt(Integer::intValue).sum()));
            }
            out.sort(Comparator.comparingInt((Corpus c) -> c.roles().isEmpty() ? ROLES.size()
                    : ROLES.indexOf(c.roles().get(0))));
            return out;
        }

        private static List<String> ordered(Set<String> roles) {
            return ROLES.stream().filter(roles::contains).toList();
        }
    }

    public RunSummary {
        corpora = corpora == null ? List.of() : List.copyOf(corpora);
    }

    /** A run that names only the corpus its numbers were measured on. */
    public RunSummary(String spec, long seed, String describes, String table, String row, String dataset, String corpus,
            String cardLink, String provenance, ClassificationReport metrics, Map<String, double[][]> curves) {
        this(spec, seed, describes, table, row, dataset, corpus, cardLink, provenance, metrics, curves,
                List.of(new Corpus(corpus, List.of(DOWNSTREAM), cardLink)));
    }

    /** Whether this is a corpus's non-learned floor rather than a learned run. */
    public boolean isFloor() {
        return isFloorSpec(spec);
    }

    /** Where this run's numbers come from, in one line (see {@link Origins#line}). */
    public String origin(String profile) {
        return Origins.line(Collections.singletonList(corpus),
                corpora.stream().filter(Corpus::pretrainedOn).map(Corpus::label).toList(),
                Collections.singletonList(profile));
    }
}
