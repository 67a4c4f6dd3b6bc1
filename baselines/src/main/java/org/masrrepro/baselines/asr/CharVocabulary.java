package org.masrrepro.baselines.asr;

import org.masrrepro.datasets.util.AtomicFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * The output alphabet of a CTC head: index 0 is the blank, then every character (Unicode code point, space included)
 * seen in the (already normalised) training transcripts, in code-point order. Stored as one {@code U+XXXX} per line.
 */
public final class CharVocabulary {

    public static final int BLANK = 0;

    private final int[] codePoints; // class k >= 1 is codePoints[k - 1]

    private CharVocabulary(int[] codePoints) {
        this.codePoints = codePoints;
    }

    /** The characters of {@code transcripts}; at least one is required. */
    public static CharVocabulary of(Collection<String> transcripts) {
        TreeSet<Integer> set = new TreeSet<>();
        for (String t : transcripts) {
            t.codePoints().forEach(set::add);
        }
        if (set.isEmpty()) {
            throw new IllegalArgumentException("no characters in " + transcripts.size() + " transcripts");
        }
        return new CharVocabulary(set.stream().mapToInt(Integer::intValue).toArray());
    }

    /** Classes including the blank. */
    public int size() {
        return codePoints.length + 1;
    }

    /** Class ids of {@code text}; characters outside the vocabulary are dropped (counted in {@link #unknown}). */
    public int[] encode(String text) {
        return text.codePoints().map(this::indexOf).filter(k -> k > 0).toArray();
    }

    /** Characters of {@code text} outside the vocabulary. */
    public int unknown(String text) {
        return (int) text.codePoints().filter(cp -> indexOf(cp) < 0).count();
    }

    /** Text of class ids (blanks skipped). */
    public String decode(int[] ids) {
        StringBuilder sb = new StringBuilder();
        for (int k : ids) {
            if (k != BLANK) {
                sb.appendCodePoint(codePoints[k - 1]);
            }
        }
        return sb.toString();
    }

    private int indexOf(int cp) {
        int k = Arrays.binarySearch(codePoints, cp);
        return k >= 0 ? k + 1 : -1;
    }

    public void save(Path file) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int cp : codePoints) {
            sb.append(String.format(Locale.ROOT, "U+%04X%n", cp));
        }
        AtomicFiles.writeString(file, sb.toString());
    }

    public static CharVocabulary load(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<Integer> cps = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i).strip();
            if (l.isEmpty()) {
                continue;
            }
            if (!l.startsWith("U+")) {
                throw new IOException(file + ":" + (i + 1) + ": expected U+XXXX, found \"" + l + "\"");
            }
            cps.add(Integer.parseInt(l.substring(2), 16));
        }
        int[] a = cps.stream().mapToInt(Integer::intValue).toArray();
        for (int i = 1; i < a.length; i++) {
            if (a[i] <= a[i - 1]) {
                throw new IOException(file + ": code points must be strictly increasing (line " + (i + 1) + ")");
            }
        }
        if (a.length == 0) {
            throw new IOException(file + ": empty vocabulary");
        }
        return new CharVocabulary(a);
    }
}
