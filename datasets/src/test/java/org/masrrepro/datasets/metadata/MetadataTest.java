package org.masrrepro.datasets.metadata;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** URIEL and Glottolog read from the shared data directory (../shared/data in tests and CI). */
class MetadataTest {

    static Path data;
    static Uriel uriel;

    @BeforeAll
    static void open() throws IOException {
        data = Path.of(System.getProperty("masr.sharedData", "../../shared/data"));
        assumeTrue(Files.isDirectory(data.resolve("uriel")), "no shared data at " + data.toAbsolutePath());
        uriel = Uriel.open(data.resolve("uriel"));
    }

    @Test
    void familiesHaveTheirLang2vecWidths() throws IOException {
        assertEquals(103, uriel.vector(Uriel.Family.SYNTACTIC, "sv").length);
        assertEquals(28, uriel.vector(Uriel.Family.PHONOLOGICAL, "sv").length);
        assertEquals(158, uriel.vector(Uriel.Family.INVENTORY, "sv").length);
        assertEquals(103 + 28 + 158, uriel.vector(Uriel.Family.FEATURAL, "sv").length);
        assertEquals(3718, uriel.vector(Uriel.Family.GENETIC, "swe").length);
        assertArrayEquals(uriel.vector(Uriel.Family.SYNTACTIC, "sv"), uriel.vector(Uriel.Family.SYNTACTIC, "swe"));
    }

    @Test
    void bokmalFallsBackToNorwegianFamilyTree() throws IOException {
        float[] nb = uriel.vector(Uriel.Family.GENETIC, "nb");
        assertArrayEquals(uriel.vector(Uriel.Family.GENETIC, "nor"), nb);
        double sum = 0;
        for (float v : nb) {
            sum += v;
        }
        assertTrue(sum > 0);
    }

    @Test
    void closeLanguagesAreCloserSyntactically() throws IOException {
        double svNb = cosine(uriel.vector(Uriel.Family.SYNTACTIC, "sv"), uriel.vector(Uriel.Family.SYNTACTIC, "nb"));
        double svJa = cosine(uriel.vector(Uriel.Family.SYNTACTIC, "sv"), uriel.vector(Uriel.Family.SYNTACTIC, "ja"));
        assertTrue(svNb > svJa, svNb + " vs " + svJa);
    }

    @Test
    void glottologCoordinatesAndHaversine() throws IOException {
        Glottolog g = Glottolog.open(data.resolve("glottolog"));
        Glottolog.Location swe = g.location(uriel.iso3("sv"));
        assertTrue(swe.latitude() > 55 && swe.latitude() < 70, swe.toString());
        // Paris-London ~ 344 km
        double d = Glottolog.haversineKm(new Glottolog.Location(48.8566, 2.3522), new Glottolog.Location(51.5074, -0.1278));
        assertEquals(344, d, 3);
        assertThrows(IllegalArgumentException.class, () -> g.location("zzz"));
    }

    @Test
    void macrolanguagesFallBackToTheirMainMember() throws IOException {
        Glottolog g = Glottolog.open(data.resolve("glottolog"));
        // ISO 639-1 ar/fa/ms/zh map to macrolanguages Glottolog places only through arb/pes/zsm/cmn
        for (String code : java.util.List.of("ar", "az", "et", "fa", "ms", "or", "zh")) {
            assertEquals(g.location(Glottolog.MACROLANGUAGE.get(uriel.iso3(code))), g.location(uriel.iso3(code)), code);
        }
        Glottolog.Location malay = g.location(uriel.iso3("ms"));
        assertTrue(malay.latitude() > -10 && malay.latitude() < 10 && malay.longitude() > 95, malay.toString());
    }

    @Test
    void speakerLocationsStayWithinTheRadiusAndDependOnTheIdOnly() {
        Glottolog.Location base = new Glottolog.Location(59.0, 15.0);
        double maxKm = 0;
        for (int i = 0; i < 200; i++) {
            Glottolog.Location at = SpeakerLocation.near(base, "spk" + i, 300);
            maxKm = Math.max(maxKm, Glottolog.haversineKm(base, at));
            assertEquals(at, SpeakerLocation.near(base, "spk" + i, 300));
        }
        assertTrue(maxKm <= 300.001 && maxKm > 200, "max distance " + maxKm);
        assertEquals(base.latitude(), SpeakerLocation.near(base, "x", 0).latitude(), 1e-9);
    }

    @Test
    void unknownCodesAreNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> uriel.iso3("qq"));
        assertTrue(e.getMessage().contains("qq"));
    }

    static double cosine(float[] a, float[] b) {
        double ab = 0;
        double aa = 0;
        double bb = 0;
        for (int i = 0; i < a.length; i++) {
            ab += a[i] * b[i];
            aa += a[i] * a[i];
            bb += b[i] * b[i];
        }
        return ab / Math.sqrt(aa * bb);
    }
}
