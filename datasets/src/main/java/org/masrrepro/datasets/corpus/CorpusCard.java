package org.masrrepro.datasets.corpus;

import org.masrrepro.datasets.synth.Speaker;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Renders a corpus card (Markdown): source, licences, Debian package versions, languages, speakers and sentences per split. */
public final class CorpusCard {

    /** Splits in display order; others follow alphabetically. */
    private static final List<String> SPLITS = List.of("pretrain", "train", "dev", "test");
    private static final double RATE = 16000.0;

    private final Builder b;

    private CorpusCard(Builder b) {
        this.b = b;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The card as Markdown (deterministic: same inputs, same text). */
    public String render() {
        List<Utterance> utts = b.utterances;
        List<String> splits = splits(utts);
        StringBuilder sb = new StringBuilder();
        sb.append("# ").append(b.title).append("\n\n");
        String disclaimer = b.disclaimer != null ? b.disclaimer : "Analog corpus — not the real " + b.realCorpus + ".";
        sb.append("**").append(disclaimer).append("** ").append(b.description).append("\n\n");
        sb.append(String.format(Locale.ROOT, "- Utterances: %d; total hours: %.4f%n", utts.size(), hours(utts)));
        sb.append("- Manifest SHA-256: `").append(b.manifestSha256).append("`\n");
        for (String note : b.notes) {
            sb.append("- ").append(note).append("\n");
        }
        sb.append("\n## Source and licences\n\n");
        if (b.sources == null) {
            sb.append("- Speech: synthesized by espeak-ng (GPL-3.0-or-later) with the voices of espeak-ng-data "
                    + "(GPL-3.0-or-later).\n");
            sb.append("- Text: human translations from gettext catalogues; each catalogue's translations are under its "
                    + "package's licence, see /usr/share/doc/<package>/copyright:\n");
        } else {
            b.sources.forEach(line -> sb.append("- ").append(line).append("\n"));
        }
        Map<String, Set<String>> domainsByPackage = new TreeMap<>();
        b.catalogueOwners.forEach((domain, pkg) -> domainsByPackage.computeIfAbsent(pkg, k -> new TreeSet<>()).add(domain));
        domainsByPackage.forEach((pkg, domains) -> sb.append("  - `").append(pkg).append("`: domains ")
                .append(String.join(", ", domains)).append("\n"));
        sb.append("\n## Debian packages (exact versions used)\n\n| package | version |\n|---|---|\n");
        b.packageVersions.forEach((k, v) -> sb.append("| ").append(k).append(" | ").append(v).append(" |\n"));

        List<String> langHeaders = new ArrayList<>(List.of("language", "overlapped", "locale", "utterances"));
        splits.forEach(s -> langHeaders.add("hours " + s));
        langHeaders.add("hours");
        MarkdownTable langs = new MarkdownTable(langHeaders.toArray(String[]::new));
        for (String lang : languages(utts)) {
            List<Utterance> l = utts.stream().filter(u -> u.language().equals(lang)).toList();
            List<Object> row = new ArrayList<>(List.of(lang, b.overlapped.contains(lang) ? "y" : "n",
                    b.locales.getOrDefault(lang, ""), l.size()));
            for (String s : splits) {
                row.add(String.format(Locale.ROOT, "%.4f", hours(l.stream().filter(u -> u.split().equals(s)).toList())));
            }
            row.add(String.format(Locale.ROOT, "%.4f", hours(l)));
            langs.row(row.toArray());
        }
        sb.append("\n## Languages\n\n").append(langs.render());

        MarkdownTable splitTable = new MarkdownTable("split", "utterances", "hours", "speakers", "sentences");
        for (String s : splits) {
            List<Utterance> l = utts.stream().filter(u -> u.split().equals(s)).toList();
            splitTable.row(s, l.size(), String.format(Locale.ROOT, "%.4f", hours(l)),
                    l.stream().map(Utterance::speaker).distinct().count(),
                    l.stream().map(Utterance::sentenceId).distinct().count());
        }
        sb.append("\n## Splits\n\n").append(splitTable.render());

        // Columns a corpus has no value for (a sound corpus's voice variant, pitch and rate) are left out.
        MarkdownTable speakers = new MarkdownTable("split", "speaker", "language", "variant", "gender", "pitch",
                "rate (wpm)", "utterances");
        Map<String, Speaker> byId = new HashMap<>();
        b.speakers.forEach(s -> byId.put(s.id(), s));
        for (String s : splits) {
            Map<String, Long> counts = new TreeMap<>();
            utts.stream().filter(u -> u.split().equals(s)).forEach(u -> counts.merge(u.speaker(), 1L, Long::sum));
            counts.forEach((id, n) -> {
                Speaker spk = byId.get(id);
                speakers.row(s, id, spk == null ? null : spk.language(), spk == null ? null : spk.variant(),
                        spk == null ? null : spk.gender(), spk == null ? null : spk.pitch(),
                        spk == null ? null : spk.rateWpm(), n);
            });
        }
        sb.append("\n## Speakers per split\n\n").append(speakers.render());

        if (!b.appendix.isEmpty()) {
            sb.append("\n").append(b.appendix.strip()).append("\n");
        }
        sb.append("\n## Sentences per split\n\n");
        for (String s : splits) {
            Set<String> ids = new TreeSet<>();
            utts.stream().filter(u -> u.split().equals(s)).forEach(u -> ids.add(u.sentenceId()));
            sb.append("- ").append(s).append(" (").append(ids.size()).append("): ").append(String.join(" ", ids)).append("\n");
        }
        return sb.toString();
    }

    private static double hours(Collection<Utterance> utts) {
        return utts.stream().mapToLong(Utterance::numSamples).sum() / RATE / 3600;
    }

    private static List<String> splits(List<Utterance> utts) {
        List<String> out = new ArrayList<>();
        Set<String> present = new TreeSet<>();
        utts.forEach(u -> present.add(u.split()));
        SPLITS.stream().filter(present::contains).forEach(out::add);
        present.stream().filter(s -> !SPLITS.contains(s)).forEach(out::add);
        return out;
    }

    private List<String> languages(List<Utterance> utts) {
        Set<String> out = new java.util.LinkedHashSet<>(b.languageOrder);
        utts.stream().map(Utterance::language).sorted().forEach(out::add);
        return new ArrayList<>(out);
    }

    /** Configures a {@link CorpusCard}. */
    public static final class Builder {
        private String title = "Corpus card";
        private String realCorpus = "FLEURS";
        private String description = "";
        private List<Utterance> utterances;
        private String manifestSha256;
        private Map<String, String> packageVersions = Map.of();
        private Map<String, String> catalogueOwners = Map.of();
        private Map<String, String> locales = Map.of();
        private Collection<String> overlapped = Set.of();
        private Collection<Speaker> speakers = List.of();
        private List<String> languageOrder = List.of();
        private List<String> notes = List.of();
        private String disclaimer; // null: "Analog corpus — not the real <realCorpus>."
        private List<String> sources;
        private String appendix = "";

        /** Required: the manifest rows. */
        public Builder setUtterances(List<Utterance> utterances) {
            this.utterances = utterances;
            return this;
        }

        /** Required: SHA-256 of manifest.csv. */
        public Builder setManifestSha256(String sha) {
            this.manifestSha256 = sha;
            return this;
        }

        /** Required: Debian package -> installed version. */
        public Builder setPackageVersions(Map<String, String> versions) {
            this.packageVersions = new TreeMap<>(versions);
            return this;
        }

        /** The real corpus this one stands in for, named in the card's warning (default FLEURS). */
        public Builder optRealCorpus(String name) {
            this.realCorpus = name;
            return this;
        }

        public Builder optTitle(String title) {
            this.title = title;
            return this;
        }

        public Builder optDescription(String description) {
            this.description = description;
            return this;
        }

        /** gettext domain -> the Debian package that ships its catalogues. */
        public Builder optCatalogueOwners(Map<String, String> owners) {
            this.catalogueOwners = new TreeMap<>(owners);
            return this;
        }

        /** Language -> locale directory the text came from. */
        public Builder optLocales(Map<String, String> locales) {
            this.locales = new TreeMap<>(locales);
            return this;
        }

        public Builder optOverlapped(Collection<String> overlapped) {
            this.overlapped = Set.copyOf(overlapped);
            return this;
        }

        public Builder optSpeakers(Collection<Speaker> speakers) {
            this.speakers = List.copyOf(speakers);
            return this;
        }

        /** Order of the language table (languages not listed follow alphabetically). */
        public Builder optLanguageOrder(List<String> languages) {
            this.languageOrder = List.copyOf(languages);
            return this;
        }

        /** Extra bullet lines under the summary (seed, noise, removed items...). */
        public Builder optNotes(List<String> notes) {
            this.notes = List.copyOf(notes);
            return this;
        }

        /** The bold first words, saying what the corpus is not (default: not the real FLEURS). */
        public Builder optDisclaimer(String disclaimer) {
            this.disclaimer = disclaimer;
            return this;
        }

        /** Lines of the "Source and licences" section, replacing the espeak-ng/gettext default. */
        public Builder optSources(List<String> lines) {
            this.sources = List.copyOf(lines);
            return this;
        }

        /** Extra Markdown sections (e.g. a label table), placed before the sentence lists. */
        public Builder optAppendix(String markdown) {
            this.appendix = markdown;
            return this;
        }

        public CorpusCard build() {
            if (utterances == null || manifestSha256 == null) {
                throw new IllegalStateException("CorpusCard: setUtterances and setManifestSha256 are required");
            }
            return new CorpusCard(this);
        }
    }
}
