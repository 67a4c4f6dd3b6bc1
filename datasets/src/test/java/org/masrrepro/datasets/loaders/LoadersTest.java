package org.masrrepro.datasets.loaders;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.masrrepro.datasets.corpus.Manifest;
import org.masrrepro.datasets.corpus.Utterance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every loader on a tiny fixture in its corpus's exact layout, written here; bad files fail or are skipped and listed. */
class LoadersTest {

    @TempDir
    Path tmp;

    private static Map<String, Utterance> byId(LoadedCorpus c) {
        return c.utterances().stream().collect(Collectors.toMap(Utterance::id, Function.identity()));
    }

    /** The rows survive a manifest write/read (so the harness can store them), absolute paths included. */
    private void roundTrips(LoadedCorpus c) throws IOException {
        Path csv = tmp.resolve("roundtrip-" + c.format() + ".csv");
        Manifest.write(csv, c.withAbsolutePaths());
        List<Utterance> back = Manifest.read(csv);
        assertEquals(c.withAbsolutePaths(), back);
        for (Utterance u : back) {
            assertTrue(Files.isRegularFile(Path.of(u.audioPath())), u.audioPath());
        }
    }

    private Path fleurs() throws IOException {
        Path root = tmp.resolve("fleurs");
        for (String locale : List.of("en_us", "de_de")) {
            Path d = root.resolve("data").resolve(locale);
            Tones.text(d.resolve("train.tsv"),
                    "1001\t10.wav\tHello, World.\thello world\tc\t8000\tMALE",
                    "1002\t11.wav\tA second one\ta second one\tc\t8000\tFEMALE");
            Tones.text(d.resolve("dev.tsv"), "1003\t12.wav\tDev.\tdev\tc\t8000\tOTHER");
            Tones.text(d.resolve("test.tsv"), "1004\t13.wav\tTest!\ttest\tc\t8000\tFEMALE");
            Tones.write(d.resolve("audio/train/10.wav"), 300, 16000, 8000);
            Tones.write(d.resolve("audio/train/11.wav"), 400, 16000, 8000);
            Tones.write(d.resolve("audio/dev/12.wav"), 500, 16000, 8000);
            Tones.write(d.resolve("audio/test/13.wav"), 600, 16000, 8000);
        }
        return root;
    }

    @Test
    void fleursHuggingFaceLayout() throws IOException {
        Path root = fleurs();
        LoadedCorpus c = Fleurs.builder().setRoot(root).optOverlapped(List.of("en")).build().load();
        assertEquals(8, c.utterances().size());
        Utterance u = byId(c).get("en_us_train_10");
        assertEquals("train", u.split());
        assertEquals("en", u.language());
        assertEquals("M", u.gender());
        assertEquals("1001", u.sentenceId());
        assertEquals("hello world", u.transcript());
        assertEquals("data/en_us/audio/train/10.wav", u.audioPath());
        assertEquals(8000, u.numSamples());
        assertTrue(u.overlapped());
        assertFalse(byId(c).get("de_de_test_13").overlapped());
        assertEquals("", byId(c).get("de_de_dev_12").gender(), "OTHER -> unknown");
        assertEquals(Set.of("train", "dev", "test"), c.utterances().stream().map(Utterance::split).collect(Collectors.toSet()));
        roundTrips(c);

        LoadedCorpus de = Fleurs.builder().setRoot(root).optLanguages(List.of("de")).build().load();
        assertEquals(4, de.utterances().size());
        IOException e = assertThrows(IOException.class,
                () -> Fleurs.builder().setRoot(root).optLanguages(List.of("fr")).build().load());
        assertTrue(e.getMessage().contains("'fr'") && e.getMessage().contains("[de, en]"), e.getMessage());

        Tones.text(root.resolve("data/en_us/dev.tsv"), "1003\t12.wav\tonly four\tfields\tc");
        IOException bad = assertThrows(IOException.class, () -> Fleurs.builder().setRoot(root).build().load());
        assertTrue(bad.getMessage().contains("dev.tsv: line 1: 5 tab-separated fields"), bad.getMessage());
    }

    /** The same FLEURS fixture as Hugging Face ships it: the audio of each split in data/{locale}/audio/{split}.tar.gz. */
    private Path fleursTarballs() throws IOException {
        Path extracted = fleurs();
        Path root = tmp.resolve("fleurs-hf");
        for (String locale : List.of("en_us", "de_de")) {
            Path from = extracted.resolve("data").resolve(locale);
            Path to = root.resolve("data").resolve(locale);
            for (String split : List.of("train", "dev", "test")) {
                Files.createDirectories(to.resolve("audio"));
                Files.copy(from.resolve(split + ".tsv"), to.resolve(split + ".tsv"));
                org.masrrepro.datasets.util.TarWriter tar = new org.masrrepro.datasets.util.TarWriter()
                        .entry(split + "/", '5', new byte[0]);
                try (var files = Files.list(from.resolve("audio").resolve(split))) {
                    for (Path f : files.sorted().toList()) {
                        tar.entry(split + "/" + f.getFileName(), '0', Files.readAllBytes(f));
                    }
                }
                tar.entry(split + "/999.wav", '0', Files.readAllBytes(from.resolve("audio/train/10.wav"))); // unlisted
                tar.gz(to.resolve("audio").resolve(split + ".tar.gz"), true);
            }
        }
        return root;
    }

    private static List<String> filesUnder(Path dir) throws IOException {
        try (var s = Files.walk(dir)) {
            return s.map(p -> dir.relativize(p) + (Files.isDirectory(p) ? "/" : ":" + p.toFile().lastModified()))
                    .sorted().toList();
        }
    }

    @Test
    void fleursAudioReadFromTheDistributedTarballs() throws IOException {
        Path root = fleursTarballs();
        List<String> corpusBefore = filesUnder(root);
        IOException noDir = assertThrows(IOException.class, () -> Fleurs.builder().setRoot(root).build().load());
        assertTrue(noDir.getMessage().contains("train.tar.gz") && noDir.getMessage().contains("directory to extract into"),
                noDir.getMessage());

        Path into = tmp.resolve("step/extracted");
        LoadedCorpus c = Fleurs.builder().setRoot(root).optExtractDir(into).build().load();
        LoadedCorpus fromFolders = Fleurs.builder().setRoot(tmp.resolve("fleurs")).build().load();
        assertEquals(fromFolders.utterances().stream().map(u -> Rows.withAudioPath(u, "")).toList(),
                c.utterances().stream().map(u -> Rows.withAudioPath(u, "")).toList(), "the same rows as from folders");
        Utterance u = byId(c).get("en_us_train_10");
        assertEquals(into.resolve("en_us/train/10.wav").toAbsolutePath().normalize().toString(), u.audioPath());
        assertEquals(8000, u.numSamples());
        assertTrue(Files.notExists(into.resolve("en_us/train/999.wav")), "only listed files are extracted");
        assertTrue(Files.isRegularFile(into.resolve("en_us/train").resolve(ArchiveExtraction.MARKER)));
        assertTrue(c.notes().stream().anyMatch(n -> n.contains("6 split archive(s)") && n.contains("6 extracted now")),
                c.notes().toString());
        assertEquals(corpusBefore, filesUnder(root), "nothing written into the corpus");
        roundTrips(c);

        // A finished extraction is reused as it is; an unfinished or stale one is redone.
        List<String> extractedBefore = filesUnder(into);
        LoadedCorpus again = Fleurs.builder().setRoot(root).optExtractDir(into).build().load();
        assertEquals(c.utterances(), again.utterances());
        assertEquals(extractedBefore, filesUnder(into), "nothing extracted again");
        assertTrue(again.notes().stream().anyMatch(n -> n.contains("0 extracted now, 6 extracted earlier")), again.notes().toString());

        Files.delete(into.resolve("de_de/dev").resolve(ArchiveExtraction.MARKER)); // as if killed before the marker
        Files.writeString(into.resolve("de_de/dev/12.wav"), "half a file");
        org.masrrepro.datasets.util.AtomicFiles.deleteRecursively(into.resolve("en_us/test")); // killed mid-way:
        Files.createDirectories(into.resolve("en_us/test.partial"));
        Files.writeString(into.resolve("en_us/test.partial/13.wav"), "left over"); // only the partial is there
        Path tarball = root.resolve("data/en_us/audio/train.tar.gz");
        Files.setLastModifiedTime(tarball, java.nio.file.attribute.FileTime.fromMillis(
                Files.getLastModifiedTime(tarball).toMillis() + 10_000)); // a new download of the same archive
        LoadedCorpus redone = Fleurs.builder().setRoot(root).optExtractDir(into).build().load();
        assertEquals(c.utterances(), redone.utterances(), "the half file was replaced");
        assertTrue(redone.notes().stream().anyMatch(n -> n.contains("3 extracted now, 3 extracted earlier")),
                redone.notes().toString());
        assertTrue(Files.notExists(into.resolve("en_us/test.partial")), "the partial extraction is gone");

        // A listed file the archive lacks is a missing file like any other (an error, or skipped and listed).
        Tones.text(root.resolve("data/de_de/test.tsv"), "1004	13.wav	Test!	test	c	8000	FEMALE",
                "1005	14.wav	Gone	gone	c	8000	MALE");
        IOException missing = assertThrows(IOException.class,
                () -> Fleurs.builder().setRoot(root).optExtractDir(into).build().load());
        assertTrue(missing.getMessage().contains("14.wav"), missing.getMessage());
        LoadedCorpus skipped = Fleurs.builder().setRoot(root).optExtractDir(into).optSkipBadFiles(true).build().load();
        assertEquals(8, skipped.utterances().size());
        assertTrue(skipped.notes().stream().anyMatch(n -> n.contains("de_de/test: 1 listed file(s) not in test.tar.gz")),
                skipped.notes().toString());

        IOException inside = assertThrows(IOException.class,
                () -> Fleurs.builder().setRoot(root).optExtractDir(root.resolve("x")).build().load());
        assertTrue(inside.getMessage().contains("inside the corpus"), inside.getMessage());
    }

    @Test
    void badFilesFailByDefaultAndAreListedWhenSkipped() throws IOException {
        Path root = fleurs();
        Files.delete(root.resolve("data/en_us/audio/train/11.wav"));
        Files.writeString(root.resolve("data/de_de/audio/test/13.wav"), "not audio at all");
        IOException e = assertThrows(IOException.class, () -> Fleurs.builder().setRoot(root).build().load());
        assertTrue(e.getMessage().contains("13.wav") && e.getMessage().contains("unrecognized audio format")
                && e.getMessage().contains("de_de_test_13"), "the first bad file in row order: " + e.getMessage());

        LoadedCorpus c = Fleurs.builder().setRoot(root).optSkipBadFiles(true).build().load();
        assertEquals(6, c.utterances().size());
        assertEquals(2, c.badFiles().size());
        assertEquals("data/de_de/audio/test/13.wav", c.badFiles().get(0).audioPath());
        assertTrue(c.badFiles().get(0).reason().contains("unrecognized audio format"), c.badFiles().get(0).reason());
        assertEquals("data/en_us/audio/train/11.wav", c.badFiles().get(1).audioPath());
        assertTrue(c.badFiles().get(1).reason().contains("missing"), c.badFiles().get(1).reason());
        String card = RealCorpusCard.render("FLEURS", c, "abc");
        assertTrue(card.contains("Bad audio files skipped: 2") && card.contains("data/en_us/audio/train/11.wav"), card);
        assertTrue(c.notes().stream().anyMatch(n -> n.contains("2 bad audio file(s) skipped")), c.notes().toString());
    }

    /**
     * Guards truncation detection through a loader ({@link CorpusLoader} decodes every file; WAV and FLAC decoders refuse
     * a cut file instead of returning the samples present): a generic-manifest corpus with one WAV and one FLAC cut in
     * half fails to load, naming the file, its utterance and that it is truncated, the WAV first (row order), then, the
     * WAV restored, the FLAC; with skipping both are left out and listed as truncated.
     */
    @Test
    void truncatedWavAndFlacFailTheLoadNamingTheFile() throws IOException {
        Path root = tmp.resolve("cut");
        Tones.write(root.resolve("a/1.wav"), 300, 16000, 16000);
        Tones.write(root.resolve("b/2.flac"), 350, 16000, 16000);
        Tones.write(root.resolve("c/3.wav"), 400, 16000, 8000);
        Tones.text(root.resolve("manifest.csv"), "path,split,language", "a/1.wav,train,sw", "b/2.flac,train,yo",
                "c/3.wav,test,sw");
        byte[] wav = Files.readAllBytes(root.resolve("a/1.wav"));
        byte[] flac = Files.readAllBytes(root.resolve("b/2.flac"));
        assertEquals(3, ManifestCsv.builder().setRoot(root).build().load().utterances().size(), "the whole files load");
        Files.write(root.resolve("a/1.wav"), java.util.Arrays.copyOf(wav, wav.length / 2));
        Files.write(root.resolve("b/2.flac"), java.util.Arrays.copyOf(flac, flac.length / 2));

        IOException e = assertThrows(IOException.class, () -> ManifestCsv.builder().setRoot(root).build().load());
        assertTrue(e.getMessage().contains(root.resolve("a/1.wav").toString()) && e.getMessage().contains("truncated WAV")
                && e.getMessage().contains("utterance a_1"), e.getMessage());

        Files.write(root.resolve("a/1.wav"), wav);
        e = assertThrows(IOException.class, () -> ManifestCsv.builder().setRoot(root).build().load());
        assertTrue(e.getMessage().contains(root.resolve("b/2.flac").toString()) && e.getMessage().contains("truncated FLAC")
                && e.getMessage().contains("utterance b_2"), e.getMessage());

        Files.write(root.resolve("a/1.wav"), java.util.Arrays.copyOf(wav, wav.length / 2));
        LoadedCorpus c = ManifestCsv.builder().setRoot(root).optSkipBadFiles(true).build().load();
        assertEquals(List.of("c_3"), c.utterances().stream().map(Utterance::id).toList());
        assertEquals(List.of("a/1.wav", "b/2.flac"), c.badFiles().stream().map(BadFile::audioPath).toList());
        c.badFiles().forEach(b -> assertTrue(b.reason().contains("truncated"), b.toString()));
    }

    @Test
    void multilingualLibriSpeech() throws IOException {
        Path root = tmp.resolve("mls_german");
        Tones.text(root.resolve("metainfo.txt"), "SPEAKER   |   GENDER   | PARTITION  |  MINUTES   |  BOOK ID   |  TITLE  |  CHAPTER",
                "  1844    |     F      |   train    |   1.0 |  931  | t | c", "  2000    |     M      |   test    |   1.0 |  12  | t | c");
        Tones.text(root.resolve("train/transcripts.txt"), "1844_931_000001\tguten tag", "1844_931_000002\tnoch einer");
        Tones.text(root.resolve("test/transcripts.txt"), "2000_12_000007\tein test");
        Tones.write(root.resolve("train/audio/1844/931/1844_931_000001.flac"), 300, 16000, 4000);
        Tones.write(root.resolve("train/audio/1844/931/1844_931_000002.flac"), 350, 16000, 4100);
        Tones.write(root.resolve("test/audio/2000/12/2000_12_000007.flac"), 400, 16000, 4200);
        LoadedCorpus c = MultilingualLibriSpeech.builder().setRoot(root).build().load();
        assertEquals(3, c.utterances().size());
        Utterance u = byId(c).get("1844_931_000002");
        assertEquals("de", u.language());
        assertEquals("de_1844", u.speaker());
        assertEquals("F", u.gender());
        assertEquals("noch einer", u.transcript());
        assertEquals(4100, u.numSamples());
        assertEquals("M", byId(c).get("2000_12_000007").gender());
        assertEquals("test", byId(c).get("2000_12_000007").split());
        roundTrips(c);
        assertEquals("nl", MultilingualLibriSpeech.builder().setRoot(root).optLanguage("nl").build().load()
                .utterances().get(0).language());

        Path odd = tmp.resolve("corpus");
        Files.move(root, odd);
        IOException e = assertThrows(IOException.class, () -> MultilingualLibriSpeech.builder().setRoot(odd).build().load());
        assertTrue(e.getMessage().contains("cannot tell the MLS language"), e.getMessage());
    }

    /** One MLS language directory as distributed: metainfo.txt, {train,dev,test}/transcripts.txt, FLAC audio. */
    static void mlsLanguage(Path dir, String speaker, int hz) throws IOException {
        Tones.text(dir.resolve("metainfo.txt"), "SPEAKER   |   GENDER   | PARTITION  |  MINUTES   |  BOOK ID   |  TITLE  |  CHAPTER",
                "  " + speaker + "    |     F      |   train    |   1.0 |  931  | t | c");
        for (String split : List.of("train", "dev", "test")) {
            String id = speaker + "_931_00000" + split.length();
            Tones.text(dir.resolve(split).resolve("transcripts.txt"), id + "\twort " + split);
            Tones.write(dir.resolve(split).resolve("audio").resolve(speaker).resolve("931").resolve(id + ".flac"), hz,
                    16000, 3200);
        }
    }

    @Test
    void multilingualLibriSpeechSeveralLanguageDirectories() throws IOException {
        Path root = tmp.resolve("mls");
        mlsLanguage(root.resolve("mls_german"), "1844", 300);
        mlsLanguage(root.resolve("mls_spanish"), "1844", 400); // the same speaker number in another language
        Path elsewhere = tmp.resolve("other-disk/mls_french");
        mlsLanguage(elsewhere, "77", 500);
        Map<String, Path> dirs = new java.util.LinkedHashMap<>();
        dirs.put("es", Path.of("mls_spanish"));
        dirs.put("de", Path.of("mls_german"));
        dirs.put("fr", elsewhere.toAbsolutePath());
        LoadedCorpus c = MultilingualLibriSpeech.builder().setRoot(root).optLanguageDirs(dirs).build().load();
        assertEquals(9, c.utterances().size());
        assertEquals(List.of("es", "de", "fr"), c.utterances().stream().map(Utterance::language).distinct().toList(),
                "in the order given");
        Utterance de = byId(c).get("de_1844_931_000005");
        assertEquals("de", de.language());
        assertEquals("de_1844", de.speaker());
        assertEquals("F", de.gender());
        assertEquals("wort train", de.transcript());
        assertEquals("mls_german/train/audio/1844/931/1844_931_000005.flac", de.audioPath());
        assertEquals("es_1844", byId(c).get("es_1844_931_000003").speaker(), "the speaker is per language");
        assertEquals("dev", byId(c).get("es_1844_931_000003").split());
        assertTrue(Path.of(byId(c).get("fr_77_931_000004").audioPath()).isAbsolute(), "outside the root: absolute");
        assertTrue(c.notes().stream().anyMatch(n -> n.contains("es (mls_spanish), de (mls_german)")), c.notes().toString());
        roundTrips(c);
        assertEquals(3, MultilingualLibriSpeech.builder().setRoot(root).optLanguageDirs(dirs)
                .optLanguages(List.of("fr")).build().load().utterances().size());

        dirs.put("it", Path.of("mls_italian"));
        IOException e = assertThrows(IOException.class,
                () -> MultilingualLibriSpeech.builder().setRoot(root).optLanguageDirs(dirs).build().load());
        assertTrue(e.getMessage().contains("mls_italian") && e.getMessage().contains("'it' not found"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> MultilingualLibriSpeech.builder().setRoot(root)
                .optLanguageDirs(dirs).optLanguage("de").build());
    }

    @Test
    void dhvaniFairseqManifests() throws IOException {
        Path root = tmp.resolve("dhvani");
        Path hi = root.resolve("hindi");
        Tones.write(hi.resolve("clips/a.wav"), 300, 16000, 3000);
        Tones.write(hi.resolve("clips/b.wav"), 300, 8000, 1500); // 8 kHz: counted at 16 kHz
        Tones.text(hi.resolve("train.tsv"), "/data/on/the/authors/machine", "clips/a.wav\t3000", "clips/b.wav\t1500");
        Path ta = root.resolve("tamil");
        Tones.write(ta.resolve("audio/x/c.wav"), 300, 16000, 2000);
        Tones.text(ta.resolve("valid.tsv"), "audio", "x/c.wav\t2000");
        LoadedCorpus c = Dhvani.builder().setRoot(root).optLanguageMap(Map.of("hindi", "hi")).optSplit("pretrain")
                .build().load();
        assertEquals(3, c.utterances().size());
        Utterance b = byId(c).get("hi_clips_b");
        assertEquals("hi", b.language());
        assertEquals("pretrain", b.split());
        assertEquals(Set.of("pretrain"), c.utterances().stream().map(Utterance::split).collect(Collectors.toSet()));
        assertEquals("hindi/clips/b.wav", b.audioPath());
        assertEquals(3000, b.numSamples());
        assertEquals("tamil/audio/x/c.wav", byId(c).get("tamil_x_c").audioPath(), "existing root line is used");
        roundTrips(c);
        LoadedCorpus byName = Dhvani.builder().setRoot(root).build().load();
        assertEquals("train", byId(byName).get("hindi_clips_a").split(), "by default train.tsv is train");
        assertEquals("dev", byId(byName).get("tamil_x_c").split(), "valid.tsv is dev");

        Tones.text(hi.resolve("valid.tsv"), "/nowhere", "clips/a.wav\t3000");
        IOException e = assertThrows(IOException.class, () -> Dhvani.builder().setRoot(root).build().load());
        assertTrue(e.getMessage().contains("also listed in"), e.getMessage());
        Tones.text(hi.resolve("valid.tsv"), "/nowhere", "clips/a.wav 3000");
        e = assertThrows(IOException.class, () -> Dhvani.builder().setRoot(root).build().load());
        assertTrue(e.getMessage().contains("valid.tsv: line 2"), e.getMessage());
    }

    /** Dhvani as distributed with split manifests: {lang}/{train,valid,test}.tsv, audio under {lang}/... */
    private Path dhvaniSplit() throws IOException {
        Path root = tmp.resolve("dhvani-split");
        int k = 0;
        for (String lang : List.of("hindi", "tamil")) {
            Path d = root.resolve(lang);
            Map<String, Integer> sizes = Map.of("train", 6, lang.equals("hindi") ? "valid" : "dev", 2, "test", 2);
            for (Map.Entry<String, Integer> e : new java.util.TreeMap<>(sizes).entrySet()) {
                List<String> lines = new java.util.ArrayList<>(List.of("/home/vakyansh/data/" + lang));
                for (int i = 0; i < e.getValue(); i++) {
                    String rel = "wavs/" + e.getKey() + "_" + i + ".wav";
                    Tones.write(d.resolve(rel), 200 + 10 * k++, 16000, 1600 + 16 * i);
                    lines.add(rel + "\t" + (1600 + 16 * i));
                }
                Tones.text(d.resolve(e.getKey() + ".tsv"), lines.toArray(String[]::new));
            }
        }
        return root;
    }

    @Test
    void dhvaniSplitsFollowManifestNamesOrAreDrawnWithASeed() throws IOException {
        Path root = dhvaniSplit();
        LoadedCorpus c = Dhvani.builder().setRoot(root).optLanguageMap(Map.of("hindi", "hi", "tamil", "ta")).build()
                .load();
        assertEquals(20, c.utterances().size());
        for (String lang : List.of("hi", "ta")) {
            Map<String, Long> perSplit = c.utterances().stream().filter(u -> u.language().equals(lang))
                    .collect(Collectors.groupingBy(Utterance::split, Collectors.counting()));
            assertEquals(Map.of("train", 6L, "dev", 2L, "test", 2L), perSplit, lang + ": valid.tsv and dev.tsv are dev");
        }
        assertEquals("test", byId(c).get("hi_wavs_test_1").split());
        assertEquals("hindi/wavs/test_1.wav", byId(c).get("hi_wavs_test_1").audioPath());
        assertTrue(c.notes().stream().anyMatch(n -> n.contains("by manifest name")), c.notes().toString());
        roundTrips(c);

        // Manifests that are not split: an error by default, naming the file and the two ways out.
        Path unsplit = tmp.resolve("dhvani-unsplit");
        for (String lang : List.of("hindi", "tamil")) {
            List<String> lines = new java.util.ArrayList<>(List.of("/elsewhere"));
            for (int i = 0; i < 10; i++) {
                Tones.write(unsplit.resolve(lang).resolve("a" + i + ".wav"), 300 + i, 16000, 800);
                lines.add("a" + i + ".wav\t800");
            }
            Tones.text(unsplit.resolve(lang).resolve("all.tsv"), lines.toArray(String[]::new));
        }
        IOException e = assertThrows(IOException.class, () -> Dhvani.builder().setRoot(unsplit).build().load());
        assertTrue(e.getMessage().contains("all.tsv") && e.getMessage().contains("names no split")
                && e.getMessage().contains("pretrain") && e.getMessage().contains("random"), e.getMessage());
        LoadedCorpus pre = Dhvani.builder().setRoot(unsplit).optSplit("pretrain").build().load();
        assertTrue(pre.utterances().stream().allMatch(u -> u.split().equals("pretrain")));
        assertThrows(IllegalArgumentException.class, () -> Dhvani.builder().setRoot(unsplit).optSplit("eval").build());

        LoadedCorpus drawn = Dhvani.builder().setRoot(unsplit).optRandomSplit(5, 0.2, 0.2).build().load();
        for (String lang : List.of("hindi", "tamil")) {
            Map<String, Long> perSplit = drawn.utterances().stream().filter(u -> u.language().equals(lang))
                    .collect(Collectors.groupingBy(Utterance::split, Collectors.counting()));
            assertEquals(Map.of("train", 6L, "dev", 2L, "test", 2L), perSplit, lang);
        }
        assertTrue(drawn.notes().stream().anyMatch(n -> n.contains("seed 5") && n.contains("not speaker-disjoint")),
                drawn.notes().toString());
        assertEquals(drawn.utterances(), Dhvani.builder().setRoot(unsplit).optRandomSplit(5, 0.2, 0.2).build().load()
                .utterances(), "same seed, same split");
        boolean differs = false;
        for (long seed = 6; seed < 14 && !differs; seed++) {
            differs = !Dhvani.builder().setRoot(unsplit).optRandomSplit(seed, 0.2, 0.2).build().load().utterances()
                    .equals(drawn.utterances());
        }
        assertTrue(differs, "the seed must drive the split");
        LoadedCorpus ofSplitManifests = Dhvani.builder().setRoot(root).optRandomSplit(5, 0.2, 0.2).build().load();
        assertEquals(20, ofSplitManifests.utterances().size(), "random also re-splits split manifests when asked");
        assertThrows(IllegalArgumentException.class, () -> Dhvani.builder().optRandomSplit(1, 0.5, 0.5));
    }

    private Path voxforge() throws IOException {
        Path root = tmp.resolve("voxforge");
        int k = 0;
        for (String lang : List.of("de", "fr")) {
            for (String session : List.of("alice-20100101-abc", "bob-20100202-def", "carol-20100303-ghi",
                    "dave-20100404-jkl", "anonymous-20100505-mno", "anonymous-20100606-pqr", "alice-20110101-xyz")) {
                Path s = root.resolve(lang).resolve(session);
                Tones.text(s.resolve("etc/README"), "User Name:x", "", "Gender: " + (k % 2 == 0 ? "Male" : "[female]"));
                Tones.text(s.resolve("etc/PROMPTS"), session + "/mfc/a0001 HALLO WELT", session + "/mfc/a0002 ZWEI");
                if (k == 1) { // an old submission in Latin-1
                    Files.write(s.resolve("etc/PROMPTS"), (session + "/mfc/a0001 GR\u00dcN\n")
                            .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
                }
                Tones.write(s.resolve("wav/a0001.wav"), 200 + k, 16000, 1600);
                Tones.write(s.resolve("wav/a0002.wav"), 250 + k, 48000, 4800);
                k++;
            }
        }
        return root;
    }

    @Test
    void voxforgeSpeakerDisjointSeededSplit() throws IOException {
        Path root = voxforge();
        LoadedCorpus c = VoxForge.builder().setRoot(root).optSeed(3).optFractions(0.2, 0.2).build().load();
        assertEquals(28, c.utterances().size());
        Utterance u = byId(c).get("de_alice-20100101-abc_a0001");
        assertEquals("de_alice", u.speaker(), "the user name is the speaker across submissions");
        assertEquals("M", u.gender());
        assertEquals("HALLO WELT", u.transcript());
        assertEquals(1600, byId(c).get("de_alice-20100101-abc_a0002").numSamples(), "48 kHz counted at 16 kHz");
        assertEquals("F", byId(c).get("de_bob-20100202-def_a0001").gender());
        assertEquals("GR\u00dcN", byId(c).get("de_bob-20100202-def_a0001").transcript(), "Latin-1 PROMPTS decoded");
        assertEquals("", byId(c).get("de_bob-20100202-def_a0002").transcript(), "no prompt, no transcript");
        // 6 speakers per language (alice twice, each anonymous submission its own): 1 test, 1 dev, 4 train.
        for (String lang : List.of("de", "fr")) {
            Map<String, Set<String>> splitsOfSpeaker = c.utterances().stream().filter(x -> x.language().equals(lang))
                    .collect(Collectors.groupingBy(Utterance::speaker, Collectors.mapping(Utterance::split, Collectors.toSet())));
            assertEquals(6, splitsOfSpeaker.size(), lang);
            splitsOfSpeaker.forEach((spk, splits) -> assertEquals(1, splits.size(), spk + " in " + splits));
            Map<String, Long> perSplit = splitsOfSpeaker.values().stream().map(s -> s.iterator().next())
                    .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
            assertEquals(Map.of("test", 1L, "dev", 1L, "train", 4L), perSplit, lang);
        }
        LoadedCorpus again = VoxForge.builder().setRoot(root).optSeed(3).optFractions(0.2, 0.2).build().load();
        assertEquals(c.utterances(), again.utterances(), "same seed, same split");
        boolean differs = false;
        for (long seed = 4; seed < 12 && !differs; seed++) {
            differs = !VoxForge.builder().setRoot(root).optSeed(seed).optFractions(0.2, 0.2).build().load()
                    .utterances().equals(c.utterances());
        }
        assertTrue(differs, "the seed must drive the split");
        roundTrips(c);
    }

    @Test
    void asvspoof2019La() throws IOException {
        Path root = tmp.resolve("asv");
        Path la = root.resolve("LA");
        Path proto = la.resolve("ASVspoof2019_LA_cm_protocols");
        Tones.text(proto.resolve("ASVspoof2019.LA.cm.train.trn.txt"), "LA_0079 LA_T_1138215 - - bonafide",
                "LA_0079 LA_T_1271820 - A01 spoof");
        Tones.text(proto.resolve("ASVspoof2019.LA.cm.dev.trl.txt"), "LA_0069 LA_D_1047731 - A05 spoof");
        Tones.text(proto.resolve("ASVspoof2019.LA.cm.eval.trl.txt"), "LA_0039 LA_E_2834763 - A11 spoof",
                "LA_0014 LA_E_8688672 - - bonafide");
        for (String[] f : new String[][] {{"train", "LA_T_1138215"}, {"train", "LA_T_1271820"}, {"dev", "LA_D_1047731"},
                {"eval", "LA_E_2834763"}, {"eval", "LA_E_8688672"}}) {
            Tones.write(la.resolve("ASVspoof2019_LA_" + f[0] + "/flac/" + f[1] + ".flac"), 440, 16000, 1000);
        }
        for (Path r : List.of(root, la)) { // the release's LA/ or its parent
            LoadedCorpus c = AsvSpoof2019La.builder().setRoot(r).build().load();
            assertEquals(5, c.utterances().size());
            Utterance u = byId(c).get("LA_E_8688672");
            assertEquals("test", u.split());
            assertEquals("bonafide", u.label());
            assertEquals("LA_0014", u.speaker());
            assertEquals("spoof", byId(c).get("LA_T_1271820").label());
            assertTrue(c.notes().stream().anyMatch(n -> n.contains("A11=1")), c.notes().toString());
            roundTrips(c);
        }
        Tones.text(proto.resolve("ASVspoof2019.LA.cm.dev.trl.txt"), "LA_0069 LA_D_1047731 - A05 fake");
        IOException e = assertThrows(IOException.class, () -> AsvSpoof2019La.builder().setRoot(root).build().load());
        assertTrue(e.getMessage().contains("dev.trl.txt: line 1") && e.getMessage().contains("bonafide or spoof"), e.getMessage());
    }

    @Test
    void iemocapFourClassesAndSessionFolds() throws IOException {
        Path root = tmp.resolve("IEMOCAP_full_release");
        String[] emotions = {"neu", "exc", "ang", "sad", "fru", "xxx", "hap"};
        for (int s = 1; s <= 5; s++) {
            String dialog = String.format("Ses%02dF_impro01", s);
            StringBuilder eval = new StringBuilder("% [START_TIME - END_TIME] TURN_NAME EMOTION [V, A, D]\n\n");
            for (int t = 0; t < emotions.length; t++) {
                String turn = dialog + "_" + (t % 2 == 0 ? "F" : "M") + String.format("%03d", t);
                eval.append(String.format("[%d.0000 - %d.5000]\t%s\t%s\t[2.5000, 2.5000, 2.5000]%n", t, t, turn, emotions[t]));
                eval.append("C-E2:\tNeutral;\t()\n");
                Tones.write(root.resolve("Session" + s + "/sentences/wav/" + dialog + "/" + turn + ".wav"), 300, 16000, 800);
            }
            Tones.text(root.resolve("Session" + s + "/dialog/EmoEvaluation/" + dialog + ".txt"), eval.toString());
            // macOS AppleDouble junk, as found in circulating IEMOCAP copies: binary, not UTF-8, must be ignored.
            Files.write(root.resolve("Session" + s + "/dialog/EmoEvaluation/._" + dialog + ".txt"),
                    new byte[] {0, 5, 22, 7, (byte) 0xff, (byte) 0xfe, '[', (byte) 0xc3});
        }
        LoadedCorpus c = Iemocap.builder().setRoot(root).build().load();
        assertEquals(25, c.utterances().size(), "5 of 7 turns per session kept");
        Utterance exc = byId(c).get("Ses01F_impro01_M001");
        assertEquals("hap", exc.label(), "exc is merged into hap");
        assertEquals("Ses01_M", exc.speaker());
        assertEquals("M", exc.gender());
        assertEquals("train", exc.split());
        assertEquals("Session1/sentences/wav/Ses01F_impro01/Ses01F_impro01_M001.wav", exc.audioPath());
        assertEquals("test", byId(c).get("Ses05F_impro01_F000").split());
        assertEquals("dev", byId(c).get("Ses04F_impro01_F000").split());
        assertEquals(Set.of("neu", "hap", "ang", "sad"), c.utterances().stream().map(Utterance::label).collect(Collectors.toSet()));
        assertTrue(c.notes().stream().anyMatch(n -> n.contains("fru=5") && n.contains("xxx=5")), c.notes().toString());
        LoadedCorpus fold1 = Iemocap.builder().setRoot(root).optFolds(1, 0).build().load();
        assertEquals("test", byId(fold1).get("Ses01F_impro01_F000").split());
        assertFalse(fold1.utterances().stream().anyMatch(u -> u.split().equals("dev")));
        roundTrips(c);
    }

    @Test
    void esc50Folds() throws IOException {
        Path root = tmp.resolve("ESC-50-master");
        StringBuilder csv = new StringBuilder("filename,fold,target,category,esc10,src_file,take\n");
        for (int fold = 1; fold <= 5; fold++) {
            String dog = fold + "-100032-A-0.wav";
            String rain = fold + "-17367-A-10.wav";
            csv.append(dog).append(',').append(fold).append(",0,dog,True,100032,A\n");
            csv.append(rain).append(',').append(fold).append(",10,rain,True,17367,A\n");
            Tones.write(root.resolve("audio/" + dog), 500, 44100, 4410);
            Tones.write(root.resolve("audio/" + rain), 900, 44100, 4410);
        }
        Tones.text(root.resolve("meta/esc50.csv"), csv.toString().strip());
        LoadedCorpus c = Esc50.builder().setRoot(root).optFolds(2, 3).build().load();
        assertEquals(10, c.utterances().size());
        Utterance u = byId(c).get("2-17367-A-10");
        assertEquals("rain", u.label());
        assertEquals("test", u.split());
        assertEquals("zxx", u.language());
        assertEquals(1600, u.numSamples(), "0.1 s at 44.1 kHz is 1600 samples at 16 kHz");
        assertEquals("dev", byId(c).get("3-100032-A-0").split());
        assertEquals("train", byId(c).get("5-100032-A-0").split());
        roundTrips(c);
        assertThrows(IllegalArgumentException.class, () -> Esc50.builder().setRoot(root).optFolds(2, 2).build());
    }

    @Test
    void compareMaskPrefixSplits() throws IOException {
        Path root = tmp.resolve("ComParE2020_Mask");
        Tones.text(root.resolve("lab/labels.csv"), "file_name,label", "train_00001.wav,clear", "train_00002.wav,mask",
                "devel_00001.wav,mask", "test_00001.wav,?");
        for (String f : List.of("train_00001", "train_00002", "devel_00001", "test_00001")) {
            Tones.write(root.resolve("wav/" + f + ".wav"), 300, 16000, 1000);
        }
        LoadedCorpus c = CompareMask.builder().setRoot(root).build().load();
        assertEquals(3, c.utterances().size());
        assertEquals("dev", byId(c).get("devel_00001").split());
        assertEquals("mask", byId(c).get("devel_00001").label());
        assertEquals("clear", byId(c).get("train_00001").label());
        assertTrue(c.notes().stream().anyMatch(n -> n.contains("test=1")), c.notes().toString());
        roundTrips(c);
        Tones.text(root.resolve("lab/labels.csv"), "file_name,label", "train_00001.wav,muffled");
        IOException e = assertThrows(IOException.class, () -> CompareMask.builder().setRoot(root).build().load());
        assertTrue(e.getMessage().contains("labels.csv: line 2: label 'muffled'"), e.getMessage());
    }

    @Test
    void genericManifestCsv() throws IOException {
        Path root = tmp.resolve("mine");
        Tones.write(root.resolve("a/1.wav"), 300, 16000, 1000);
        Tones.write(root.resolve("b/2.flac"), 300, 22050, 2205);
        Tones.write(root.resolve("c.ogg"), 300, 16000, 1600);
        Tones.text(root.resolve("manifest.csv"), "path,lang,speaker,gender,split,transcript,latitude,longitude,notes",
                "a/1.wav,sw,s1,female,train,\"habari, dunia\",-6.8,39.3,x",
                "b/2.flac,yo,s2,M,test,,,,y",
                "c.ogg,yo,s3,,dev,,,,z");
        Map<String, String> map = Map.of("lang", "language", "notes", "ignore");
        LoadedCorpus c = ManifestCsv.builder().setRoot(root).optColumnMap(map).optOverlapped(List.of("sw")).build().load();
        assertEquals(3, c.utterances().size());
        Utterance a = byId(c).get("a_1");
        assertEquals("sw", a.language());
        assertEquals("F", a.gender());
        assertEquals("habari, dunia", a.transcript());
        assertEquals(-6.8, a.latitude());
        assertEquals(39.3, a.longitude());
        assertTrue(a.overlapped());
        assertEquals(1600, byId(c).get("b_2").numSamples(), "FLAC at 22.05 kHz counted at 16 kHz");
        assertEquals(1600, byId(c).get("c").numSamples(), "Ogg Vorbis decoded");
        roundTrips(c);

        IOException unknown = assertThrows(IOException.class, () -> ManifestCsv.builder().setRoot(root).build().load());
        assertTrue(unknown.getMessage().contains("unknown column(s) [lang, notes]"), unknown.getMessage());

        Tones.text(root.resolve("nosplit.csv"), "path,label", "a/1.wav,yes");
        IOException noSplit = assertThrows(IOException.class,
                () -> ManifestCsv.builder().setRoot(root).optFile("nosplit.csv").build().load());
        assertTrue(noSplit.getMessage().contains("no split column"), noSplit.getMessage());
        LoadedCorpus defaults = ManifestCsv.builder().setRoot(root).optFile("nosplit.csv").optDefaultSplit("train").build().load();
        assertEquals("und", defaults.utterances().get(0).language());
        assertEquals("yes", defaults.utterances().get(0).label());

        Tones.text(root.resolve("badlat.csv"), "path,split,latitude,longitude", "a/1.wav,train,95,0");
        IOException lat = assertThrows(IOException.class,
                () -> ManifestCsv.builder().setRoot(root).optFile("badlat.csv").build().load());
        assertTrue(lat.getMessage().contains("badlat.csv: line 2: latitude 95.0"), lat.getMessage());

        Tones.text(root.resolve("missing.csv"), "path,split", "a/1.wav,train", "gone.wav,train");
        IOException gone = assertThrows(IOException.class,
                () -> ManifestCsv.builder().setRoot(root).optFile("missing.csv").build().load());
        assertTrue(gone.getMessage().contains("gone.wav: audio file is missing"), gone.getMessage());
        LoadedCorpus skipped = ManifestCsv.builder().setRoot(root).optFile("missing.csv").optSkipBadFiles(true).build().load();
        assertEquals(1, skipped.utterances().size());
        assertEquals("gone.wav", skipped.badFiles().get(0).audioPath());
    }
}
