package org.masrrepro.datasets.corpus.analog;

import org.masrrepro.datasets.corpus.CorpusCard;
import org.masrrepro.datasets.corpus.CorpusInfo;
import org.masrrepro.datasets.corpus.Utterance;
import org.masrrepro.datasets.synth.EspeakNg;
import org.masrrepro.datasets.synth.EspeakVoices;
import org.masrrepro.datasets.synth.Speaker;
import org.masrrepro.datasets.util.ProgressListener;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Shared build of the read-speech corpora (MLS and VoxForge analogs): espeak-ng reads a {@link SyntheticPlan}. */
final class ReadSpeech {

    private ReadSpeech() {}

    /** What differs between the corpora: names and card text. */
    record Text(String prefix, String kind, String title, String disclaimer, String description, List<String> notes) {}

    static CorpusInfo prepare(CorpusDirectory cd, Object params, Text text, List<String> languages,
            SyntheticPlan.Sizes sizes, long seed, Path localeDir, ProgressListener progress) throws IOException {
        CorpusInfo done = cd.reuse(params);
        if (done != null) {
            return done;
        }
        cd.clear();
        SyntheticPlan plan = new SyntheticPlan(text.prefix(), languages, sizes, seed, localeDir);
        String espeakVersion = SyntheticPlan.espeakVersion();
        EspeakNg espeak = new EspeakNg();
        List<Utterance> utts = Parallel.map(plan.items, item -> {
            Speaker s = item.speaker();
            float[] x = espeak.synthesize(EspeakVoices.voice(s.language()), s.variant(), s.rateWpm(), s.pitch(), item.text());
            String rel = cd.writeAudio("audio/" + s.language() + "/" + item.id() + ".wav", x);
            return new Utterance(item.id(), item.split(), s.language(), s.id(), s.gender(), item.sentence().id(),
                    item.text(), rel, x.length, false);
        }, SyntheticPlan.Item::id, progress);
        Map<String, String> packages = plan.packageVersions();
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("espeak_ng_version", espeakVersion);
        record.put("catalogue_owners", plan.catalogueOwners());
        record.put("locales", plan.miner.localeUsed());
        record.put("parallel_pool", plan.poolSize);
        record.put("speakers", plan.speakersBySplit);
        record.put("sentence_ids", plan.sentenceIds);
        List<String> notes = new ArrayList<>(text.notes());
        notes.add("Seed: " + seed + "; espeak-ng " + espeakVersion + "; parallel sentences translated in all "
                + languages.size() + " languages: " + plan.poolSize);
        notes.add("Splits are disjoint by speaker and sentence; dev and test speakers use espeak-ng voice variants no "
                + "train speaker of their language uses");
        CorpusCard.Builder card = CorpusCard.builder().optTitle(text.title()).optDisclaimer(text.disclaimer())
                .optDescription(text.description()).optCatalogueOwners(plan.catalogueOwners())
                .optLocales(plan.miner.localeUsed()).optSpeakers(plan.allSpeakers()).optLanguageOrder(languages)
                .optNotes(notes);
        return cd.finish(params, utts, packages, record, card);
    }
}
