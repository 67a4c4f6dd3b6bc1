package org.masrrepro.reports.wer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** sclite {@code trn} transcripts: one line per utterance, {@code words (utterance-id)}. */
public final class Trn {

    private Trn() {}

    /**
     * Writes {@code text (id)} lines in map order; a text with '(' or ')' or an id with whitespace or parentheses
     * would not read back, so both are rejected.
     */
    public static void write(Path file, Map<String, String> textById) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> e : textById.entrySet()) {
            String id = e.getKey();
            String text = e.getValue().strip().replaceAll("\\s+", " ");
            if (id.isEmpty() || id.matches(".*[\\s()].*") || text.contains("(") || text.contains(")")) {
                throw new IllegalArgumentException("cannot write trn line for id \"" + id + "\", text \"" + text
                        + "\" (no parentheses in either, no whitespace in the id)");
            }
            sb.append(text).append(text.isEmpty() ? "" : " ").append('(').append(id).append(")\n");
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, sb.toString(), StandardCharsets.UTF_8);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** Words per utterance id, in file order; a line without a trailing {@code (id)} is an error naming the line. */
    public static Map<String, List<String>> read(Path file) throws IOException {
        Map<String, List<String>> out = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int k = 0; k < lines.size(); k++) {
            String line = lines.get(k).strip();
            if (line.isEmpty()) {
                continue;
            }
            int open = line.lastIndexOf('(');
            if (open < 0 || !line.endsWith(")")) {
                throw new IOException(file + ":" + (k + 1) + ": expected \"words (utterance-id)\", found \"" + line + "\"");
            }
            String id = line.substring(open + 1, line.length() - 1);
            String words = line.substring(0, open).strip();
            if (out.put(id, words.isEmpty() ? List.of() : Arrays.asList(words.split("\\s+"))) != null) {
                throw new IOException(file + ":" + (k + 1) + ": utterance id " + id + " appears twice");
            }
        }
        return out;
    }
}
