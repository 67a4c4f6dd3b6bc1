package org.masrrepro.harness.steps;

import org.masrrepro.datasets.util.Hashes;
import org.masrrepro.baselines.train.AuxiliaryObjective;
import org.masrrepro.datasets.corpus.Manifest;
import org.masrrepro.datasets.corpus.Utterance;
import org.masrrepro.datasets.features.FeatureCache;
import org.masrrepro.datasets.features.FeatureSet;
import org.masrrepro.datasets.metadata.Glottolog;
import org.masrrepro.datasets.metadata.Uriel;
import org.masrrepro.harness.spec.AuxSpec;
import org.masrrepro.harness.spec.CharEmbeddingSpec;
import org.masrrepro.harness.spec.Lang2VecSpec;
import org.masrrepro.harness.spec.LasrSpec;
import org.masrrepro.harness.spec.LocationSpec;
import org.masrrepro.harness.spec.MasrSpec;
import org.masrrepro.masr.TripletObjective;
import org.masrrepro.masr.encoders.CharacterEmbeddingEncoder;
import org.masrrepro.masr.encoders.GeographicEncoder;
import org.masrrepro.masr.encoders.Lang2VecEncoder;
import org.masrrepro.masr.encoders.MetadataEncoder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Builds LASR/MASR objectives from their specs: per-item labels and encodings of the pretraining set. */
final class AuxObjectives {

    private AuxObjectives() {}

    /** Label per item of the stream (language or transcript) in the order of {@code data}. */
    static List<String> streamLabels(FeatureSet data, Path corpusData, String stream) throws IOException {
        Map<String, Utterance> byId = new HashMap<>();
        for (Utterance u : Manifest.read(corpusData.resolve("manifest.csv"))) {
            byId.put(u.id(), u);
        }
        List<String> out = new ArrayList<>(data.size());
        for (int i = 0; i < data.size(); i++) {
            Utterance u = byId.get(data.id(i));
            if (u == null) {
                throw new IllegalStateException("utterance " + data.id(i) + " is not in " + corpusData);
            }
            out.add(switch (stream) {
                case "language" -> u.language();
                case "transcript" -> u.transcript();
                default -> "speaker:" + u.speaker() + "@" + u.language(); // resolved to coordinates by the encoder
            });
        }
        return out;
    }

    /** Integer ids of labels, numbered in sorted label order. */
    static int[] ids(List<String> labels) {
        Map<String, Integer> index = new TreeMap<>();
        labels.stream().sorted().distinct().forEach(l -> index.put(l, index.size()));
        return labels.stream().mapToInt(index::get).toArray();
    }

    static List<AuxiliaryObjective> build(List<AuxSpec> specs, FeatureSet data, Path corpusData, Path dataDir,
            StepContext ctx) throws IOException {
        List<AuxiliaryObjective> out = new ArrayList<>();
        Uriel uriel = null;
        Glottolog glottolog = null;
        int n = 0;
        for (AuxSpec a : specs) {
            List<String> labels = streamLabels(data, corpusData, a.stream());
            String name = (a instanceof LasrSpec ? "lasr" : "masr") + n++;
            if (a instanceof LasrSpec l) {
                out.add(TripletObjective.builder().setName(name).setMining(TripletObjective.Mining.LASR)
                        .setLabels(ids(labels)).setLambda(l.lambda()).setMargin(l.margin()).build());
                continue;
            }
            MasrSpec m = (MasrSpec) a;
            MetadataEncoder encoder;
            if (m.encoder() instanceof Lang2VecSpec lv) {
                if (uriel == null) {
                    uriel = Uriel.open(dataDir.resolve("uriel"));
                    recordHashes(ctx, dataDir.resolve("uriel"));
                }
                if (lv.family().equals("geographic")) {
                    if (glottolog == null) {
                        glottolog = Glottolog.open(dataDir.resolve("glottolog"));
                        recordHashes(ctx, dataDir.resolve("glottolog"));
                    }
                    encoder = new GeographicEncoder(glottolog, uriel);
                } else {
                    encoder = new Lang2VecEncoder(uriel, family(lv.family()));
                }
            } else if (m.encoder() instanceof LocationSpec loc) {
                if (uriel == null) {
                    uriel = Uriel.open(dataDir.resolve("uriel"));
                    recordHashes(ctx, dataDir.resolve("uriel"));
                }
                if (glottolog == null) {
                    glottolog = Glottolog.open(dataDir.resolve("glottolog"));
                    recordHashes(ctx, dataDir.resolve("glottolog"));
                }
                encoder = new SpeakerLocations(glottolog, uriel, loc.jitterKm());
            } else {
                CharEmbeddingSpec c = (CharEmbeddingSpec) m.encoder();
                encoder = new CharacterEmbeddingEncoder(c.rows(), c.dim(), Seeds.derive(0, "char-embedding"));
            }
            Map<String, float[]> cache = new HashMap<>();
            float[][] enc = new float[labels.size()][];
            for (int i = 0; i < enc.length; i++) {
                MetadataEncoder e = encoder;
                enc[i] = cache.computeIfAbsent(labels.get(i), e::encode);
            }
            out.add(TripletObjective.builder().setName(name)
                    .setMining(m.mining().equals("combined") ? TripletObjective.Mining.COMBINED
                            : TripletObjective.Mining.SELECTION)
                    .setLabels(ids(labels)).optEncodings(enc).optAlpha(m.alpha()).setLambda(m.lambda())
                    .setMargin(m.margin()).optProjectionDim(m.projectionDim()).build());
            ctx.recordMeasurement(name + "_encoder", encoder.name());
        }
        return out;
    }

    static Uriel.Family family(String f) {
        return switch (f) {
            case "syntactic" -> Uriel.Family.SYNTACTIC;
            case "phonetic" -> Uriel.Family.PHONOLOGICAL;
            case "inventory" -> Uriel.Family.INVENTORY;
            case "genetic" -> Uriel.Family.GENETIC;
            case "featural" -> Uriel.Family.FEATURAL;
            default -> throw new IllegalArgumentException("no URIEL family " + f);
        };
    }

    private static void recordHashes(StepContext ctx, Path dir) throws IOException {
        try (var s = Files.list(dir)) {
            for (Path f : s.filter(Files::isRegularFile).sorted().toList()) {
                if (f.toString().endsWith(".npz") || f.toString().endsWith(".csv") || f.toString().endsWith(".json")) {
                    ctx.recordInputHash(dir.getFileName() + "/" + f.getFileName(), Hashes.sha256(f));
                }
            }
        }
    }
}
