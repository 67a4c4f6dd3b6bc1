package org.masrrepro.datasets.util;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The tar.gz reader on archives written here (ustar, GNU long names, pax) and by GNU tar, whole and damaged. */
class TarGzTest {

    @TempDir
    Path tmp;

    private static Map<String, String> read(Path archive) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        TarGz.forEachFile(archive, (name, size, data) -> {
            byte[] b = data.readAllBytes();
            assertEquals(size, b.length, name);
            out.put(name, new String(b, StandardCharsets.UTF_8));
        });
        return out;
    }

    @Test
    void readsUstarGnuLongNamesAndPaxRecords() throws IOException {
        String longName = "train/" + "d".repeat(120) + "/long.wav";
        Path a = new TarWriter()
                .entry("train/", '5', new byte[0])
                .file("train/1.wav", "one")
                .entry("././@LongLink", 'L', (longName + "\0").getBytes(StandardCharsets.UTF_8))
                .file("train/truncated-name", "two")
                .pax("path", "train/p\u00e4x.wav")
                .file("train/ignored-name", "three")
                .entry("train/link", '2', new byte[0])
                .file("train/empty.wav", "")
                .file("train/big.wav", "x".repeat(1300))
                .gz(tmp.resolve("a.tar.gz"), true);
        Map<String, String> files = read(a);
        assertEquals(List.of("train/1.wav", longName, "train/p\u00e4x.wav", "train/empty.wav", "train/big.wav"),
                List.copyOf(files.keySet()), "directories and links are not files");
        assertEquals("two", files.get(longName));
        assertEquals("three", files.get("train/p\u00e4x.wav"));
        assertEquals(1300, files.get("train/big.wav").length());

        // A handler may stop reading early: the rest of the entry is skipped, not taken for the next header.
        List<String> names = new java.util.ArrayList<>();
        TarGz.forEachFile(a, (name, size, data) -> names.add(name + ":" + (char) Math.max(0, data.read())));
        assertEquals("train/big.wav:x", names.get(names.size() - 1));
    }

    @Test
    void anArchiveWithoutEndBlocksIsReadToItsEnd() throws IOException {
        Path a = new TarWriter().file("x/1.wav", "one").file("x/2.wav", "two").gz(tmp.resolve("open.tar.gz"), false);
        assertEquals(Map.of("x/1.wav", "one", "x/2.wav", "two"), read(a));
    }

    @Test
    void damagedOrCutArchivesAreErrorsNamingTheArchive() throws IOException {
        byte[] tar = new TarWriter().file("x/1.wav", "one").file("x/2.wav", "x".repeat(2000)).tar(true);

        byte[] badSum = tar.clone();
        badSum[3] ^= 1; // inside the first header's name
        Path bad = gz(tmp.resolve("badsum.tar.gz"), badSum);
        IOException e = assertThrows(IOException.class, () -> read(bad));
        assertTrue(e.getMessage().contains("badsum.tar.gz") && e.getMessage().contains("checksum"), e.getMessage());

        Path cutTar = gz(tmp.resolve("cut-tar.tar.gz"), Arrays.copyOf(tar, 512 + 512 + 512 + 700));
        e = assertThrows(IOException.class, () -> read(cutTar));
        assertTrue(e.getMessage().contains("cut-tar.tar.gz") && e.getMessage().contains("cut off"), e.getMessage());

        Path whole = gz(tmp.resolve("whole.tar.gz"), tar);
        byte[] gz = Files.readAllBytes(whole);
        Path cutGz = tmp.resolve("cut-gz.tar.gz");
        Files.write(cutGz, Arrays.copyOf(gz, gz.length - 12));
        e = assertThrows(IOException.class, () -> read(cutGz));
        assertTrue(e.getMessage().contains("cut-gz.tar.gz"), e.getMessage());

        byte[] badCrc = gz.clone();
        badCrc[badCrc.length - 6] ^= 1; // the gzip trailer's CRC-32
        Path crc = tmp.resolve("crc.tar.gz");
        Files.write(crc, badCrc);
        e = assertThrows(IOException.class, () -> read(crc), "the trailer is read even after the end-of-archive blocks");
        assertTrue(e.getMessage().contains("crc.tar.gz"), e.getMessage());

        Path notTar = gz(tmp.resolve("text.tar.gz"), "just some text, not a tar archive\n".repeat(30)
                .getBytes(StandardCharsets.UTF_8));
        assertThrows(IOException.class, () -> read(notTar));
    }

    @Test
    void readsWhatGnuTarWritesInItsPaxAndGnuFormats() throws IOException, InterruptedException {
        Path src = tmp.resolve("src");
        String deep = "train/" + "n".repeat(110) + "/\u00e9t\u00e9.wav";
        Files.createDirectories(src.resolve(deep).getParent());
        Files.writeString(src.resolve(deep), "summer");
        Files.createDirectories(src.resolve("train"));
        byte[] big = new byte[70_000];
        new java.util.Random(1).nextBytes(big);
        Files.write(src.resolve("train/big.wav"), big);
        for (String format : List.of("pax", "gnu", "ustar")) {
            Path archive = tmp.resolve(format + ".tar.gz");
            List<String> cmd = format.equals("ustar")
                    ? List.of("tar", "--format=ustar", "-czf", archive.toString(), "-C", src.toString(), "train/big.wav")
                    : List.of("tar", "--format=" + format, "-czf", archive.toString(), "-C", src.toString(), "train");
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, p.waitFor(), "GNU tar (Debian's essential package tar) failed: " + log);
            Map<String, byte[]> got = new LinkedHashMap<>();
            TarGz.forEachFile(archive, (name, size, data) -> got.put(name, data.readAllBytes()));
            assertArrayEquals(big, got.get("train/big.wav"), format);
            if (!format.equals("ustar")) {
                assertEquals(2, got.size(), format + ": " + got.keySet());
                assertEquals("summer", new String(got.get(deep), StandardCharsets.UTF_8), format);
            }
        }
    }

    private static Path gz(Path file, byte[] content) throws IOException {
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(file))) {
            o.write(content);
        }
        return file;
    }
}
