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
