package org.masrrepro.datasets.text;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The one transcript normalisation of ASR training targets, references and hypotheses: Unicode NFC, lower case
 * (root locale), every punctuation character (Unicode category P*) replaced by a space except an apostrophe between
 * two letters or digits (the typographic U+2019 is written as '), whitespace runs collapsed to one space, ends
 * trimmed. Symbols (S*), digits and letters are kept. Applied identically to both sides of a WER, as in MLS scoring.
 */
public final class TranscriptNormalizer {

    private TranscriptNormalizer() {}

    /** The normalised form of {@code text} (null counts as empty). */
    public static String normalize(String text) {
        if (text == null) {
            return "";
        }
        String s = Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        int[] cps = s.codePoints().toArray();
        StringBuilder out = new StringBuilder(s.length());
        boolean pendingSpace = false;
        for (int i = 0; i < cps.length; i++) {
            int cp = cps[i];
            if (cp == '\u2019') {
                cp = '\'';
            }
            boolean keep;
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                keep = false;
            } else if (cp == '\'') {
                keep = i > 0 && i + 1 < cps.length && Character.isLetterOrDigit(cps[i - 1])
                        && Character.isLetterOrDigit(cps[i + 1]);
            } else {
                keep = !isPunctuation(cp);
            }
            if (!keep) {
                pendingSpace = out.length() > 0;
                continue;
            }
            if (pendingSpace) {
                out.append(' ');
                pendingSpace = false;
            }
            out.appendCodePoint(cp);
        }
        return out.toString();
    }

    private static boolean isPunctuation(int cp) {
        return switch (Character.getType(cp)) {
            case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                    Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                    Character.OTHER_PUNCTUATION -> true;
            default -> false;
        };
    }
}
