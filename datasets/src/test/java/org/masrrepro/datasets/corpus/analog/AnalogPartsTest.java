package org.masrrepro.datasets.corpus.analog;

import org.junit.jupiter.api.Test;
import org.masrrepro.datasets.audio.Augment;
import org.masrrepro.datasets.corpus.Utterance;
import org.masrrepro.datasets.system.DebianPackages;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The pieces of the analog corpora: transcript matching, class names, prosody markup, the mask filter, levels. */
class AnalogPartsTest {

    @Test
    void filletsLinesCarryTheirScriptText() throws IOException {
        assumeTrue(Files.isDirectory(FilletsDialogues.GAME_DIR.resolve("sound/airplane/cs"))
                        && Files.isDirectory(FilletsDialogues.GAME_DIR.resolve("sound/airplane/nl")),
                "apt-get install -y fillets-ng-data fillets-ng-data-cs fillets-ng-data-nl");
        List<FilletsDialogues.Line> cs = FilletsDialogues.lines(FilletsDialogues.GAME_DIR, "cs");
        List<FilletsDialogues.Line> nl = FilletsDialogues.lines(FilletsDialogues.GAME_DIR, "nl");
        Map<String, FilletsDialogues.Line> csById = cs.stream().collect(Collectors.toMap(FilletsDialogues.Line::id, l -> l));
        Map<String, FilletsDialogues.Line> nlById = nl.stream().collect(Collectors.toMap(FilletsDialogues.Line::id, l -> l));
        assertEquals("Co je to za divnou loď?", csById.get("airplane/let-m-divna").text());
        assertEquals("Wat is dit voor raar schip?", nlById.get("airplane/let-m-divna").text());
        assertEquals("fillets-cs-m", csById.get("airplane/let-m-divna").speaker());
        assertEquals("fillets-nl-v", nlById.get("linux/v-argumenty").speaker());
        // nearly every voice file has a line (a few are sound effects with empty text)
        assertTrue(cs.size() > 1700 && nl.size() > 1550, cs.size() + " cs, " + nl.size() + " nl lines");
        assertTrue(cs.stream().allMatch(l -> Files.isRegularFile(l.audio()) && !l.text().isBlank()));
        // the level split does not depend on the language and keeps every level in one split
        Map<String, String> split = FilletsDialogues.splitOfLevel(FilletsDialogues.GAME_DIR, 0.1, 0.15, 3);
        assertEquals(Set.of("train", "dev", "test"), Set.copyOf(split.values()));
        assertTrue(cs.stream().allMatch(l -> split.containsKey(l.level())), "a line's level has no split");
        assertEquals(split, FilletsDialogues.splitOfLevel(FilletsDialogues.GAME_DIR, 0.1, 0.15, 3));
    }

    @Test
    void hedgewarsClassesComeFromFileNames() {
        assertEquals("laugh", HedgewarsVoices.label("Laugh"));
        assertEquals("pain", HedgewarsVoices.label("Ow3"));
        assertEquals("pain", HedgewarsVoices.label("Ooff1"));
        assertEquals("effort", HedgewarsVoices.label("Jump2"));
        assertEquals("cough", HedgewarsVoices.label("PoisonCough"));
        assertEquals("moan", HedgewarsVoices.label("PoisonMoan"));
        assertNull(HedgewarsVoices.label("Hello"));
        assertNull(HedgewarsVoices.label("Ouch"));
    }

    private static HedgewarsVoices.Sound sound(String pack, String name, String label, String content) {
        return new HedgewarsVoices.Sound(pack, name, label, Path.of(pack, name + ".ogg"), content);
    }

    @Test
    void packsSharingARecordingFormOneGroupAndRepeatsAreDropped() {
        List<HedgewarsVoices.Sound> sounds = List.of(sound("A", "Laugh", "laugh", "x"), sound("B", "Laugh", "laugh", "x"),
                sound("B", "Ow1", "pain", "y"), sound("C", "Ow1", "pain", "y"), sound("C", "Jump1", "effort", "z"),
                sound("D", "Jump1", "effort", "w"));
        Map<String, String> group = HedgewarsVoices.groupOfPack(sounds);
        assertEquals(Map.of("A", "A+B+C", "B", "A+B+C", "C", "A+B+C", "D", "D"), group);
        assertEquals(List.of("Laugh", "Ow1", "Jump1", "Jump1"),
                HedgewarsVoices.distinct(sounds).stream().map(HedgewarsVoices.Sound::name).toList());
        assertEquals(List.of("A", "B", "C", "D"),
                HedgewarsVoices.distinct(sounds).stream().map(HedgewarsVoices.Sound::pack).toList());
        // a pack already linked links again: its root, not the pack, must be joined (else A drops out)
        List<HedgewarsVoices.Sound> relinked = List.of(sound("A", "Laugh", "laugh", "x"),
                sound("B", "Laugh", "laugh", "x"), sound("C", "Ow1", "pain", "y"), sound("B", "Ow1", "pain", "y"));
        assertEquals(Map.of("A", "A+B+C", "B", "A+B+C", "C", "A+B+C"), HedgewarsVoices.groupOfPack(relinked));
    }

    @Test
    void noRecordingIsInTwoSplitsWhateverTheSeed() throws IOException {
        assumeTrue(Files.isDirectory(HedgewarsVoices.VOICES_DIR), "apt-get install -y hedgewars-data");
        List<HedgewarsVoices.Sound> sounds = HedgewarsVoices.sounds(HedgewarsVoices.VOICES_DIR);
        // Debian's packs do share recordings: without grouping, a split by pack leaks them across splits
        assertEquals(HedgewarsVoices.groupOfPack(sounds).get("Default_pl"),
                HedgewarsVoices.groupOfPack(sounds).get("Russian_pl"));
        for (long seed = 0; seed < 40; seed++) {
            Map<String, String> split = HedgewarsVoices.splitOfPack(sounds, seed);
            Map<String, Set<String>> splitsOfContent = new java.util.HashMap<>();
            sounds.forEach(s -> splitsOfContent.computeIfAbsent(s.sha256(), k -> new java.util.TreeSet<>())
                    .add(split.get(s.pack())));
            long seedNow = seed;
            splitsOfContent.values().forEach(v -> assertEquals(1, v.size(), "seed " + seedNow + ": a recording in " + v));
        }
    }

    @Test
    void coughSplitHoldsTwoCoughGroupsInTest() throws IOException {
        assumeTrue(Files.isDirectory(HedgewarsVoices.VOICES_DIR) && Files.isDirectory(ScratchHumanSounds.SOUNDS_DIR),
                "apt-get install -y hedgewars-data scratch");
        List<HedgewarsVoices.Sound> sounds = new java.util.ArrayList<>(HedgewarsVoices.sounds(HedgewarsVoices.VOICES_DIR));
        List<HedgewarsVoices.Sound> scratch = ScratchHumanSounds.sounds(ScratchHumanSounds.SOUNDS_DIR);
        assertEquals(Set.of("cough", "sneeze", "laugh", "scream"),
                scratch.stream().map(HedgewarsVoices.Sound::label).collect(Collectors.toSet()));
        sounds.addAll(scratch);
        for (long seed = 0; seed < 20; seed++) {
            Map<String, String> split = HedgewarsVoices.splitOfPack(sounds, seed, EscCoughAnalog.TEST_COUGH_GROUPS);
            Map<String, String> group = HedgewarsVoices.groupOfPack(sounds);
            long testGroups = HedgewarsVoices.distinct(sounds).stream()
                    .filter(s -> s.label().equals("cough") && "test".equals(split.get(s.pack())))
                    .map(s -> group.get(s.pack())).distinct().count();
            assertEquals(EscCoughAnalog.TEST_COUGH_GROUPS, testGroups, "seed " + seed);
            for (String s : List.of("train", "dev", "test")) {
                for (boolean cough : new boolean[] {true, false}) {
                    long seedNow = seed;
                    assertTrue(sounds.stream().anyMatch(x -> x.label().equals("cough") == cough
                            && s.equals(split.get(x.pack()))), "seed " + seedNow + ": no " + (cough ? "cough" : "other")
                            + " in " + s);
                }
            }
        }
    }

    @Test
    void hedgewarsPackSplitHasCoughsEverywhere() throws IOException {
        assumeTrue(Files.isDirectory(HedgewarsVoices.VOICES_DIR), "apt-get install -y hedgewars-data");
        List<HedgewarsVoices.Sound> sounds = HedgewarsVoices.sounds(HedgewarsVoices.VOICES_DIR);
        Map<String, String> split = HedgewarsVoices.splitOfPack(sounds, 5);
        for (String s : List.of("train", "dev", "test")) {
            assertTrue(sounds.stream().anyMatch(x -> x.label().equals("cough") && s.equals(split.get(x.pack()))),
                    "no cough in " + s);
        }
    }

    @Test
    void styleMarkupEscapesTextAndRejectsUnknownStyles() {
        assertEquals("<speak>a &lt;b&gt; &amp; c</speak>", SpeakingStyleAnalog.ssml("neutral", "a <b> & c"));
        for (String style : SpeakingStyleAnalog.LABELS) {
            assertTrue(SpeakingStyleAnalog.ssml(style, "x").startsWith("<speak>"));
        }
        assertThrows(IllegalArgumentException.class, () -> SpeakingStyleAnalog.ssml("happy", "x"));
    }

    @Test
    void maskShelfCutsHighsByItsDepthAndKeepsLows() {
        float[] low = tone(300);
        float[] high = tone(6000);
        for (double depth : new double[] {4, 9, 12}) {
            double lowDb = 20 * Math.log10(rms(MaskAnalog.shelf(low, 2000, depth)) / rms(low));
            double highDb = 20 * Math.log10(rms(MaskAnalog.shelf(high, 2000, depth)) / rms(high));
            // a 2nd-order low-pass is about 20 dB down at 6 kHz from a 2 kHz knee, so the measured depth is near nominal
            assertEquals(depth, lowDb - highDb, 1.0, "shelf depth at " + depth + " dB");
            assertTrue(lowDb > -0.5, "300 Hz is not cut: " + lowDb + " dB");
        }
    }

    @Test
    void levelsNormalizeRms() {
        float[] y = Levels.toRms(tone(440), -20);
        assertEquals(0.1, rms(y), 1e-4);
        assertTrue(java.util.Arrays.equals(new float[10], Levels.toRms(new float[10], -20)), "silence stays silence");
        assertEquals(2 * rms(tone(440)), rms(Levels.gain(tone(440), 20 * Math.log10(2))), 1e-5);
    }

    @Test
    void soundClipsHaveAFixedLengthAndAreSeeded() {
        float[] x = Augment.addNoise(tone(500), 10, 1); // 1 s
        float[] a = EscHumanAnalog.variant(x, 1, 3.0, Seeded.stream(4, "a"));
        assertEquals(48000, a.length);
        assertTrue(java.util.Arrays.equals(a, EscHumanAnalog.variant(x, 1, 3.0, Seeded.stream(4, "a"))));
        float[] original = EscHumanAnalog.variant(x, 0, 3.0, Seeded.stream(4, "b"));
        assertEquals(48000, original.length);
        int at = 0;
        while (original[at] == 0f) {
            at++;
        }
        assertTrue(java.util.Arrays.equals(x, java.util.Arrays.copyOfRange(original, at, at + x.length)),
                "copy 0 must hold the recording unchanged, padded with silence");
        assertEquals(16000, EscHumanAnalog.variant(tone(200), 0, 0.5 * 2, Seeded.stream(4, "c")).length);
        assertEquals(8000, EscHumanAnalog.place(tone(200), 8000, Seeded.stream(4, "d")).length);
    }

    @Test
    void labelTableCountsPerSplit() {
        List<Utterance> utts = List.of(
                new Utterance("a", "train", "en", "s", "", "", "", "a.wav", 16000, false, "x", Double.NaN, Double.NaN),
                new Utterance("b", "test", "en", "s", "", "", "", "b.wav", 16000, false, "y", Double.NaN, Double.NaN));
        String t = CorpusDirectory.labelTable(utts, List.of("x", "y"));
        assertTrue(t.contains("| x | 1 | 0 | 0 |"), t);
        assertTrue(t.contains("| y | 0 | 0 | 1 |"), t);
    }

    @Test
    void batchedOwnersMatchSingleLookups() {
        Path mo = Path.of("/usr/share/locale/de/LC_MESSAGES/coreutils.mo");
        assumeTrue(Files.isRegularFile(mo), "coreutils' German catalogue is missing");
        assertEquals(DebianPackages.owner(mo), DebianPackages.owners(List.of(mo, Path.of("/no/such/file"))).get(mo));
    }

    @Test
    void refusesToClearAForeignDirectory(@org.junit.jupiter.api.io.TempDir Path tmp) throws IOException {
        Files.writeString(tmp.resolve("thesis.tex"), "mine");
        CorpusDirectory dir = new CorpusDirectory(tmp, "test corpus");
        assertThrows(IllegalStateException.class, dir::clear);
        assertTrue(Files.exists(tmp.resolve("thesis.tex")));
    }

    private static float[] tone(double hz) {
        float[] x = new float[16000];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (0.3 * Math.sin(2 * Math.PI * hz * i / 16000));
        }
        return x;
    }

    private static double rms(float[] x) {
        double p = 0;
        for (int i = 1600; i < x.length; i++) { // skip the filter's start-up
            p += x[i] * (double) x[i];
        }
        return Math.sqrt(p / (x.length - 1600));
    }
}
