package org.masrrepro.harness.run;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.masrrepro.harness.TestPaths;
import org.masrrepro.harness.cli.Main;
import org.masrrepro.harness.spec.FleursAnalogSpec;
import org.masrrepro.harness.spec.Profile;
import org.masrrepro.harness.spec.RealCorpusSpec;
import org.masrrepro.harness.spec.SpecException;
import org.masrrepro.harness.spec.SpecLoader;
import org.masrrepro.harness.steps.AsrEvalStep;
import org.masrrepro.harness.steps.AsrFinetuneStep;
import org.masrrepro.harness.steps.StepId;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Specs that put the paper's real corpora where they belong (README, Real corpora): the examples there validate under
 * every profile and plan with the analog pretraining and the real downstream corpus; a real corpus without a pretrain
 * split as the pretraining corpus, or a LID/ASR corpus without languages, is refused before any work.
 */
class RealDataSpecsTest {

    @TempDir
    Path tmp;

    private Path specs;

    @BeforeEach
    void copySpecs() throws IOException {
        specs = TestPaths.copySpecs(tmp.resolve("specs"));
    }

    private void write(String id, String json) throws IOException {
        Path f = specs.resolve(id + ".json");
        Files.createDirectories(f.getParent());
        Files.writeString(f, json);
    }

    private ExperimentPlan plan(String id, Profile p) {
        return ExperimentPlan.load(new SpecLoader(specs), id, p, null, tmp.resolve("data"));
    }

    private record Out(int code, String out, String err) {}

    private Out main(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Out(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The README's examples, with concrete language lists. */
    private void readmeExamples() throws IOException {
        write("fragments/fleurs-real", """
                {"downstream": {"corpus": {"type": "real", "label": "FLEURS", "format": "fleurs_hf", "dir": "fleurs",
                                           "languages": ["sv", "nb", "da", "hi"], "overlapped": ["sv", "hi"]}}}""");
        write("real/bestrq-fleurs", """
                {"extends": ["table1/bestrq-fleurs", "fragments/fleurs-real"], "report": {"row": "best-rq (real data)"}}""");
        write("fragments/dhvani-real", """
                {"downstream": {"corpus": {"type": "real", "label": "Dhvani", "format": "dhvani", "dir": "dhvani",
                                           "languages": ["hi", "ta", "te"], "overlapped": ["hi"]}},
                 "report": {"dataset": "dhvani"}}""");
        write("real/bestrq-dhvani", """
                {"extends": ["table1/bestrq-fleurs", "fragments/dhvani-real"], "report": {"row": "best-rq (real data)"}}""");
        write("fragments/mls-real", """
                {"downstream": {"corpus": {"type": "real", "label": "MLS", "format": "mls", "dir": "mls",
                   "dirs": {"de": "mls_german", "en": "mls_english", "es": "mls_spanish", "fr": "mls_french",
                            "it": "mls_italian", "nl": "mls_dutch"}}},
                 "profiles": {"smoke": {"downstream": {"corpus": {"size": null}}}}}""");
        write("real/bestrq-mls", """
                {"extends": ["table3/bestrq-mls", "fragments/mls-real"], "report": {"row": "best-rq (real data)"}}""");
        // Pretraining on real audio too: the row's profile sections size the analog it replaces; null those keys.
        String sizes = "\"train_speakers\": null, \"dev_speakers\": null, \"test_speakers\": null, "
                + "\"pretrain_speakers\": null, \"train_sentences\": null, \"dev_sentences\": null, "
                + "\"test_sentences\": null, \"pretrain_sentences\": null";
        write("fragments/own-pretraining", """
                {"corpus": {"type": "real", "label": "my pretraining audio", "format": "manifest", "dir": "pretraining",
                            "default_split": "pretrain", "overlapped": ["sv", "hi", "de"]},
                 "profiles": {"smoke": {"corpus": {"languages": null, %s}}, "paper": {"corpus": {%s}}}}"""
                .formatted(sizes, sizes));
        write("real/bestrq-fleurs-own", """
                {"extends": ["table1/bestrq-fleurs", "fragments/fleurs-real", "fragments/own-pretraining"],
                 "report": {"row": "best-rq (real pretraining)"}}""");
        write("real/bestrq-lasr-fleurs-own", """
                {"extends": ["table1/bestrq-lasr-fleurs", "fragments/fleurs-real", "fragments/own-pretraining"],
                 "pretrain": {"init_from": {"spec": "real/bestrq-fleurs-own"}},
                 "report": {"row": "best-rq+lasr (real pretraining)"}}""");
    }

    @Test
    void theReadmeExamplesValidateUnderEveryProfileAndPlanAsDocumented() throws IOException {
        readmeExamples();
        Out v = main("validate", "real/", "--specs", specs.toString());
        assertEquals(0, v.code(), v.err() + v.out());
        assertEquals(5, v.out().lines().filter(l -> l.startsWith("ok  real/")).count(), v.out());
        StepId ids = new StepId();
        for (Profile p : Profile.values()) {
            ExperimentPlan fleurs = plan("real/bestrq-fleurs", p);
            assertInstanceOf(FleursAnalogSpec.class, fleurs.pretrainCorpus().spec(), "pretraining: the analog's split");
            RealCorpusSpec down = assertInstanceOf(RealCorpusSpec.class, fleurs.corpus().spec());
            assertEquals(tmp.resolve("data/fleurs").toAbsolutePath().normalize().toString(), down.dir());
            assertEquals(List.of("sv", "nb", "da", "hi"), down.languages(), p.id());
            assertEquals(ids.hash(plan("table1/bestrq-fleurs", p).pretrain()), ids.hash(fleurs.pretrain()),
                    "the same pretraining as the analog row: one shared step");

            assertEquals("dhvani", plan("real/bestrq-dhvani", p).spec().report().dataset());

            ExperimentPlan mls = plan("real/bestrq-mls", p);
            assertEquals(List.of("de", "en", "es", "fr", "it", "nl"), ((AsrEvalStep) mls.eval()).models().stream()
                    .map(AsrFinetuneStep::language).toList(), p.id() + ": Table 3's six languages in one spec");
            assertEquals("T3", mls.spec().report().table());

            ExperimentPlan own = plan("real/bestrq-fleurs-own", p);
            RealCorpusSpec pre = assertInstanceOf(RealCorpusSpec.class, own.pretrainCorpus().spec(), p.id());
            assertEquals("manifest", pre.format());
            assertTrue(pre.languages().isEmpty(), p.id() + ": no analog language list left over");
            ExperimentPlan lasr = plan("real/bestrq-lasr-fleurs-own", p);
            assertEquals(ids.hash(own.pretrain()), ids.hash(lasr.pretrain().dependencies().get(1)),
                    p.id() + ": LASR continues the real base spec's pretraining");
        }
    }

    @Test
    void aRealCorpusWithoutPretrainSplitIsRefusedAsThePretrainingCorpusBeforeAnyWork() throws IOException {
        write("real/fleurs-pretraining", """
                {"extends": "table1/bestrq-fleurs",
                 "corpus": {"type": "real", "label": "FLEURS", "format": "fleurs_hf", "dir": "fleurs",
                            "languages": ["sv", "nb", "da"], "overlapped": ["sv"]},
                 "profiles": {"smoke": {"corpus": {"train_speakers": null, "dev_speakers": null, "test_speakers": null,
                   "pretrain_speakers": null, "train_sentences": null, "dev_sentences": null, "test_sentences": null,
                   "pretrain_sentences": null, "languages": ["sv"], "overlapped": ["sv"]}},
                   "paper": {"corpus": {"train_speakers": null, "dev_speakers": null, "test_speakers": null,
                   "pretrain_speakers": null, "train_sentences": null, "dev_sentences": null, "test_sentences": null,
                   "pretrain_sentences": null}}},
                 "report": {"row": "best-rq (real FLEURS, wrongly)"}}""");
        SpecException e = assertThrows(SpecException.class,
                () -> new SpecLoader(specs).load("real/fleurs-pretraining", Profile.SMOKE, null));
        assertTrue(e.getMessage().contains("the real fleurs_hf corpus \"FLEURS\" has no pretrain split")
                && e.getMessage().contains("downstream") && e.getMessage().contains("\"default_split\": \"pretrain\""),
                e.getMessage());

        Out v = main("validate", "real/fleurs-pretraining", "--specs", specs.toString());
        assertEquals(2, v.code());
        assertTrue(v.err().contains("invalid spec") && v.err().contains("no pretrain split"), v.err());
        Path runs = tmp.resolve("runs");
        for (String command : List.of("plan", "run")) {
            Out r = main(command, "real/fleurs-pretraining", "--specs", specs.toString(), "--profile", "smoke",
                    "--runs", runs.toString(), "--data-dir", tmp.resolve("data").toString());
            assertEquals(2, r.code(), command + ": " + r.err());
            assertTrue(r.err().contains("no pretrain split"), r.err());
        }
        assertTrue(Files.notExists(runs), "nothing was started");

        for (String format : List.of("mls\", \"language\": \"de", "voxforge", "dhvani", "dhvani\", \"split\": \"random")) {
            write("real/other", """
                    {"extends": "real/fleurs-pretraining", "corpus": {"format": "%s"}}"""
                    .formatted(format));
            SpecException o = assertThrows(SpecException.class,
                    () -> new SpecLoader(specs).load("real/other", Profile.CPU, null), format);
            assertTrue(o.getMessage().contains("has no pretrain split"), o.getMessage());
        }
        assertTrue(assertThrows(SpecException.class, () -> new SpecLoader(specs).load("real/other", Profile.CPU, null))
                .getMessage().contains("dhvani has one only with \"split\": \"pretrain\""));
        for (String ok : List.of("dhvani\", \"split\": \"pretrain", "manifest")) {
            write("real/other", """
                    {"extends": "real/fleurs-pretraining", "corpus": {"format": "%s"}}"""
                    .formatted(ok));
            new SpecLoader(specs).load("real/other", Profile.CPU, null);
        }
    }

    @Test
    void aLidOrAsrCorpusMustListItsLanguages() throws IOException {
        write("real/lid-no-languages", """
                {"extends": "table1/bestrq-fleurs",
                 "downstream": {"corpus": {"type": "real", "label": "FLEURS", "format": "fleurs_hf", "dir": "fleurs"}},
                 "report": {"row": "x"}}""");
        SpecException e = assertThrows(SpecException.class,
                () -> new SpecLoader(specs).load("real/lid-no-languages", Profile.CPU, null));
        assertTrue(e.getMessage().contains("downstream.corpus: the real fleurs_hf corpus \"FLEURS\" lists no languages")
                && e.getMessage().contains("language ID takes its classes"), e.getMessage());
        write("real/asr-no-languages", """
                {"extends": "table3/bestrq-mls",
                 "downstream": {"corpus": {"type": "real", "label": "MLS", "format": "mls", "dir": "mls_german"}},
                 "profiles": {"smoke": {"downstream": {"corpus": {"size": null}}}}, "report": {"row": "x"}}""");
        e = assertThrows(SpecException.class, () -> new SpecLoader(specs).load("real/asr-no-languages", Profile.SMOKE, null));
        assertTrue(e.getMessage().contains("ASR takes the languages it fine-tunes"), e.getMessage());
    }

    @Test
    void dhvaniAndMlsOptionsAreCheckedWithTheirJsonPath() throws IOException {
        String[][] cases = {
            {"\"format\": \"dhvani\", \"dir\": \"d\", \"dev_fraction\": 0.2",
                "dev_fraction applies to format voxforge, and to dhvani with \"split\": \"random\", only"},
            {"\"format\": \"dhvani\", \"dir\": \"d\", \"split\": \"pretrain\", \"seed\": 3", "seed applies to format voxforge"},
            {"\"format\": \"dhvani\", \"dir\": \"d\", \"split\": \"eval\"", "split must be one of [by_name, random, pretrain"},
            {"\"format\": \"dhvani\", \"dir\": \"d\", \"split\": \"random\", \"test_fraction\": 0.6, \"dev_fraction\": 0.5",
                "need dev >= 0, test > 0 and dev + test < 1"},
            {"\"format\": \"fleurs_hf\", \"dir\": \"d\", \"dirs\": {\"de\": \"mls_german\"}", "dirs applies to format mls only"},
            {"\"format\": \"mls\", \"dir\": \"d\", \"language\": \"de\", \"dirs\": {\"de\": \"mls_german\"}",
                "language and dirs exclude each other"},
            {"\"format\": \"mls\", \"dir\": \"d\", \"dirs\": {\"de\": \"mls_german\", \"es\": \"./mls_german\"}",
                "dirs.es: \"./mls_german\" is also the directory of another language"},
            {"\"format\": \"mls\", \"dir\": \"d\", \"dirs\": {\"de\": \"mls_german\"}, \"languages\": [\"de\", \"fr\"]",
                "languages [fr] have no directory in dirs"},
            {"\"format\": \"mls\", \"dir\": \"d\", \"dirs\": {}", "dirs must name at least one language directory"},
            {"\"format\": \"mls\", \"dir\": \"d\", \"dirs\": {\"de\": \"mls_german\"}, \"overlapped\": [\"es\"]",
                "overlapped language \"es\" is not in languages [de]"},
        };
        for (String[] c : cases) {
            write("real/bad", """
                    {"extends": "table1/bestrq-fleurs",
                     "downstream": {"corpus": {"type": "real", "label": "x", %s}}, "report": {"row": "x"}}"""
                    .formatted(c[0]));
            SpecException e = assertThrows(SpecException.class, () -> new SpecLoader(specs).load("real/bad", Profile.CPU, null), c[0]);
            assertTrue(e.getMessage().contains("$.downstream.corpus") && e.getMessage().contains(c[1]),
                    c[0] + " -> " + e.getMessage());
        }
    }
}
