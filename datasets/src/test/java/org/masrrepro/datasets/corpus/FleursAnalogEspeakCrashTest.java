package org.masrrepro.datasets.corpus;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.masrrepro.datasets.synth.EspeakNg;
import org.masrrepro.datasets.util.Hashes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Guards how a FLEURS analog build survives espeak-ng 1.51's occasional crashes ({@link EspeakNg}'s retry and
 * {@link FleursAnalog}'s handling of what stays broken), with a stub in place of espeak-ng (the package-private
 * {@code optEspeakBinary} seam) that wraps the real espeak-ng: when every call crashes once, the retries give a corpus
 * byte-identical to an uncrashed build (each retried output used, at its own utterance); an item that crashes on every
 * attempt is left out, listed by id in corpus.json and counted on the card, every other item unchanged; a lasting
 * failure that is no crash stops the build naming the utterance. Never an item dropped or moved silently.
 */
class FleursAnalogEspeakCrashTest {

    /**
     * Reads the text on stdin and logs each call. Marker files, named after md5 of the text: {@code always-*} crashes
     * (SIGSEGV) on every call, {@code fail-*} exits 3; with {@code crash-first-calls} present the first call of every
     * input (arguments and text) crashes. Otherwise the real espeak-ng speaks.
     */
    private static final String STUB = """
            #!/bin/sh
            ulimit -c 0
            dir=$(dirname "$0")
            in=$(mktemp "$dir/stdin.XXXXXX")
            cat > "$in"
            text=$(md5sum < "$in" | cut -c1-32)
            input=$( { echo "$*"; cat "$in"; } | md5sum | cut -c1-32)
            echo "$input $text" >> "$dir/calls.log"
            if [ -e "$dir/always-$text" ]; then rm -f "$in"; echo "stub: crash on every call" >&2; kill -SEGV $$; fi
            if [ -e "$dir/fail-$text" ]; then rm -f "$in"; echo "stub: cannot open voice" >&2; exit 3; fi
            if [ -e "$dir/crash-first-calls" ] && mkdir "$dir/seen-$input" 2>/dev/null; then
              rm -f "$in"; echo "stub: first call crashes" >&2; kill -SEGV $$
            fi
            espeak-ng "$@" < "$in"
            rc=$?
            rm -f "$in"
            exit $rc
            """;

    @TempDir
    static Path tmp;
    /** Built by the real espeak-ng, which does not crash on these sentences. */
    static CorpusInfo reference;

    static FleursAnalog.Builder corpus(Path dir) {
        return FleursAnalog.builder().setOutputDir(dir).setLanguages(List.of("sv", "nb")).setOverlapped(List.of())
                .optTrainSpeakers(1).optDevSpeakers(0).optTestSpeakers(1).optPretrainSpeakers(0)
                .optTrainSentences(2).optDevSentences(0).optTestSentences(2).optPretrainSentences(0)
                .optDomains(List.of("gtk20")).optSeed(4);
    }

    @BeforeAll
    static void buildReference() throws IOException {
        assumeTrue(EspeakNg.available(), "espeak-ng is missing; run as root: apt-get install -y espeak-ng");
        reference = corpus(tmp.resolve("reference")).build().prepare();
        assertEquals(8, reference.utterances().size());
    }

    /** A fresh stub directory; returns the stub's path. */
    static Path stub(String name) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve(name));
        Path bin = dir.resolve("espeak-ng-stub");
        Files.writeString(bin, STUB);
        Files.setPosixFilePermissions(bin, PosixFilePermissions.fromString("rwxr-xr-x"));
        return bin;
    }

    static String md5(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    /** Stub log lines: "md5(arguments and text) md5(text)". */
    static List<String> calls(Path bin) throws IOException {
        return Files.readAllLines(bin.resolveSibling("calls.log"));
    }

    /** The reference's first test item: its text is read by no other item (sv and nb translate it differently). */
    static Utterance victim() {
        Utterance u = reference.utterances().stream().filter(x -> x.split().equals("test")).findFirst().orElseThrow();
        assertEquals(1, reference.utterances().stream().filter(x -> x.transcript().equals(u.transcript())).count());
        return u;
    }

    @Test
    void crashesARetryCuresLeaveTheCorpusByteIdentical() throws IOException {
        Path bin = stub("crash-once");
        Files.writeString(bin.resolveSibling("crash-first-calls"), "");
        CorpusInfo built = corpus(tmp.resolve("crash-once-corpus")).optEspeakBinary(bin.toString()).build().prepare();
        assertEquals(Hashes.sha256Tree(reference.dir()), Hashes.sha256Tree(built.dir()),
                "every call crashed once: the retries must give the uncrashed corpus, each audio at its own utterance");
        Map<String, Long> perInput = calls(bin).stream().collect(Collectors.groupingBy(l -> l.split(" ")[0],
                Collectors.counting()));
        assertEquals(8, perInput.size(), "one input per item: " + perInput);
        assertTrue(perInput.values().stream().allMatch(n -> n == 2), "each input crashed once, then succeeded: " + perInput);
    }

    @Test
    @SuppressWarnings("unchecked")
    void anItemThatCrashesOnEveryAttemptIsLeftOutListedAndCounted() throws IOException {
        Utterance victim = victim();
        Path bin = stub("crash-always");
        Files.writeString(bin.resolveSibling("crash-first-calls"), "");
        Files.writeString(bin.resolveSibling("always-" + md5(victim.transcript())), "");
        CorpusInfo built = corpus(tmp.resolve("crash-always-corpus")).optEspeakBinary(bin.toString()).build().prepare();

        List<Utterance> expected = reference.utterances().stream().filter(u -> !u.id().equals(victim.id())).toList();
        assertEquals(expected, built.utterances(), "only the crashing item is missing, the rest unchanged");
        for (Utterance u : expected) {
            assertEquals(Hashes.sha256(reference.dir().resolve(u.audioPath())), Hashes.sha256(built.dir().resolve(u.audioPath())),
                    u.id() + ": audio differs from the uncrashed build");
        }
        assertFalse(Files.exists(built.dir().resolve(victim.audioPath())), "no audio file for the left-out item");
        Map<String, Object> record = FleursAnalog.GSON.fromJson(Files.readString(built.dir().resolve("corpus.json")), Map.class);
        assertEquals(List.of(victim.id()), record.get("removed_espeak_crash"), "corpus.json lists the left-out item");
        assertTrue(Files.readString(built.card()).contains("\n- Items removed because espeak-ng crashes on them (its bug, "
                + "reproducible; ids in corpus.json): 1\n"), Files.readString(built.card()));
        assertEquals(3, calls(bin).stream().filter(l -> l.endsWith(" " + md5(victim.transcript()))).count(),
                "three attempts on the crashing item");
    }

    @Test
    void aLastingFailureThatIsNoCrashStopsTheBuildNamingTheUtterance() throws IOException {
        Utterance victim = victim();
        Path bin = stub("fail");
        Files.writeString(bin.resolveSibling("fail-" + md5(victim.transcript())), "");
        Path dir = tmp.resolve("fail-corpus");
        IOException e = assertThrows(IOException.class,
                () -> corpus(dir).optEspeakBinary(bin.toString()).build().prepare());
        assertTrue(e.getMessage().contains("synthesizing " + victim.id()) && e.getMessage().contains("exited with code 3")
                && e.getMessage().contains("stub: cannot open voice"), e.getMessage());
        assertFalse(Files.exists(dir.resolve(FleursAnalog.DONE)), "a failed build is not marked complete");
    }
}
