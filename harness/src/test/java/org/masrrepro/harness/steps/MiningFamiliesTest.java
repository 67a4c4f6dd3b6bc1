package org.masrrepro.harness.steps;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.masrrepro.datasets.metadata.Glottolog;
import org.masrrepro.datasets.metadata.Uriel;
import org.masrrepro.harness.spec.Lang2VecSpec;
import org.masrrepro.masr.encoders.GeographicEncoder;
import org.masrrepro.masr.encoders.Lang2VecEncoder;
import org.masrrepro.masr.encoders.MetadataEncoder;
import org.masrrepro.masr.mining.HardTripletMiner;
import org.masrrepro.masr.mining.Triplets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Every lang2vec family under both mining variants, on a batch of Swedish, Norwegian, Spanish and Japanese items:
 * selection mining (on e) picks the closest language as the hard negative, and combined mining moves from the
 * speech-only choice (alpha = 0) to the metadata-only choice (large alpha).
 */
class MiningFamiliesTest {

    static final List<String> LANGS = List.of("sv", "sv", "nb", "nb", "es", "es", "ja", "ja");
    static final int[] LABELS = {0, 0, 1, 1, 2, 2, 3, 3};
    static Uriel uriel;
    static Glottolog glottolog;

    @BeforeAll
    static void open() throws IOException {
        Path data = Path.of(System.getProperty("masr.sharedData", "../../shared/data"));
        assumeTrue(Files.isDirectory(data.resolve("uriel")), "no shared data at " + data.toAbsolutePath());
        uriel = Uriel.open(data.resolve("uriel"));
        glottolog = Glottolog.open(data.resolve("glottolog"));
    }

    static Stream<Arguments> familiesAndMining() {
        List<Arguments> out = new ArrayList<>();
        for (String f : Lang2VecSpec.FAMILIES) {
            for (String m : List.of("combined", "selection")) {
                out.add(Arguments.of(f, m));
            }
        }
        return out.stream();
    }

    static MetadataEncoder encoder(String family) {
        return family.equals("geographic") ? new GeographicEncoder(glottolog, uriel)
                : new Lang2VecEncoder(uriel, AuxObjectives.family(family));
    }

    @ParameterizedTest(name = "{0} / {1}")
    @MethodSource("familiesAndMining")
    void hardNegativesFollowTheMetadata(String family, String mining) {
        MetadataEncoder enc = encoder(family);
        float[][] e = LANGS.stream().map(enc::encode).toArray(float[][]::new);
        SplittableRandom r = new SplittableRandom(family.hashCode());
        float[][] q = new float[LANGS.size()][8];
        for (float[] row : q) {
            for (int j = 0; j < row.length; j++) {
                row[j] = (float) r.nextDouble(-1, 1);
            }
        }
        Triplets onE = HardTripletMiner.mine(e, LABELS);
        // Swedish anchors' nearest other language is Norwegian in every family.
        assertEquals(1, LABELS[onE.negative()[0]], family + ": sv's hard negative should be nb");
        assertEquals(0, LABELS[onE.negative()[2]], family + ": nb's hard negative should be sv");
        if (mining.equals("selection")) {
            return;
        }
        float[][] qUnit = Stream.of(q).map(MetadataEncoder::unit).toArray(float[][]::new);
        Triplets speechOnly = HardTripletMiner.mine(qUnit, LABELS);
        assertArrayEquals(speechOnly.negative(), HardTripletMiner.mine(HardTripletMiner.concat(qUnit, e, 0), LABELS).negative());
        Triplets metaHeavy = HardTripletMiner.mine(HardTripletMiner.concat(qUnit, e, 1000), LABELS);
        double[][] dE = HardTripletMiner.cosineDistances(e);
        for (int i = 0; i < LABELS.length; i++) {
            // Equal up to ties in e (e.g. two languages with identical vectors), which q then breaks.
            assertEquals(dE[i][onE.negative()[i]], dE[i][metaHeavy.negative()[i]], 1e-4, "anchor " + i);
        }
    }
}
