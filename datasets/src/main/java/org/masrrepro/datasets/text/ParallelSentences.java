package org.masrrepro.datasets.text;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Mines n-way parallel sentences from installed gettext catalogues: msgids of 4-30 words, free of placeholders and
 * markup, translated (not copied) in every requested language.
 */
public final class ParallelSentences {

    /** Domains read by default, in order; each is shipped by a Debian package listed in harness/bin/debian-packages.txt. */
    public static final List<String> DEFAULT_DOMAINS = List.of("gtk20", "gtk20-properties", "glib20", "gdk-pixbuf",
            "at-spi2-core", "coreutils", "Linux-PAM", "shared-mime-info", "xdg-user-dirs");

    /** Locale directories tried per language, first existing wins (e.g. European Portuguese, simplified Chinese). */
    private static final Map<String, List<String>> LOCALE_CANDIDATES = Map.of(
            "nb", List.of("nb", "no", "nb_NO"),
            "pt", List.of("pt", "pt_PT"),
            "zh", List.of("zh_CN"),
            "sr", List.of("sr"),
            "ms", List.of("ms", "ms_MY"));

    private static final Pattern BAD = Pattern.compile("[%{}$<>\\\\\\n\\t@#|/=\\[\\]]|\\.\\.\\.|…");

    private final List<String> languages;
    private final Path localeDir;
    private final List<String> domains;
    private final int minWords;
    private final int maxWords;
    private final Map<String, String> localeUsed = new TreeMap<>();
    private final Map<String, Path> cataloguesUsed = new TreeMap<>();

    private ParallelSentences(Builder b) {
        this.languages = List.copyOf(b.languages);
        this.localeDir = b.localeDir;
        this.domains = List.copyOf(b.domains);
        this.minWords = b.minWords;
        this.maxWords = b.maxWords;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Locale directory used per language (after {@link #mine()}). */
    public Map<String, String> localeUsed() {
        return localeUsed;
    }

    /** Catalogue files read, keyed {@code lang/domain} (after {@link #mine()}). */
    public Map<String, Path> cataloguesUsed() {
        return cataloguesUsed;
    }

    /** Sentences translated in all languages, sorted by id. */
    public List<ParallelSentence> mine() throws IOException {
        Map<String, ParallelSentence> out = new TreeMap<>();
        for (String domain : domains) {
            Map<String, Map<String, String>> byLang = new LinkedHashMap<>();
            boolean complete = true;
            for (String lang : languages) {
                if (lang.equals("en")) {
                    continue;
                }
                Path mo = catalogue(lang, domain);
                if (mo == null) {
                    complete = false;
                    break;
                }
                byLang.put(lang, MoCatalog.read(mo));
            }
            if (!complete) {
                continue; // a domain missing in any language cannot give parallel sentences
            }
            byLang.forEach((lang, c) -> cataloguesUsed.put(lang + "/" + domain, catalogue(lang, domain)));
            List<String> msgids = new ArrayList<>(byLang.isEmpty() ? List.of() : byLang.values().iterator().next().keySet());
            msgids.sort(Comparator.naturalOrder());
            for (String msgid : msgids) {
                String english = clean(msgid);
                if (english == null || words(english) < minWords || words(english) > maxWords) {
                    continue;
                }
                Map<String, String> text = new TreeMap<>();
                boolean ok = true;
                for (String lang : languages) {
                    if (lang.equals("en")) {
                        text.put(lang, english);
                        continue;
                    }
                    String t = byLang.get(lang).get(msgid);
                    String c = t == null ? null : clean(t);
                    if (c == null || c.equals(english) || words(c) < 2) {
                        ok = false;
                        break;
                    }
                    text.put(lang, c);
                }
                if (ok) {
                    String id = hash(domain + "\u0000" + msgid);
                    out.putIfAbsent(id, new ParallelSentence(id, domain, english, text));
                }
            }
        }
        return List.copyOf(out.values());
    }

    private Path catalogue(String lang, String domain) {
        for (String loc : LOCALE_CANDIDATES.getOrDefault(lang, List.of(lang))) {
            Path p = localeDir.resolve(loc).resolve("LC_MESSAGES").resolve(domain + ".mo");
            if (Files.isRegularFile(p)) {
                localeUsed.put(lang, loc);
                return p;
            }
        }
        return null;
    }

    /** Strips accelerators and trailing colons; null when the string holds placeholders or markup. */
    static String clean(String s) {
        String t = s.replace("_", "").replace("&", "").trim();
        if (t.endsWith(":")) {
            t = t.substring(0, t.length() - 1).trim();
        }
        if (t.isEmpty() || BAD.matcher(t).find() || t.chars().anyMatch(Character::isISOControl)) {
            return null;
        }
        return t.replaceAll("\\s+", " ");
    }

    static int words(String s) {
        return s.isBlank() ? 0 : s.trim().split("\\s+").length;
    }

    private static String hash(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 5);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Configures a {@link ParallelSentences} miner. */
    public static final class Builder {
        private List<String> languages;
        private Path localeDir = Path.of("/usr/share/locale");
        private List<String> domains = DEFAULT_DOMAINS;
        private int minWords = 4;
        private int maxWords = 30;

        public Builder setLanguages(List<String> languages) {
            this.languages = languages;
            return this;
        }

        public Builder optLocaleDir(Path localeDir) {
            this.localeDir = localeDir;
            return this;
        }

        public Builder optDomains(List<String> domains) {
            this.domains = domains;
            return this;
        }

        public Builder optMinWords(int minWords) {
            this.minWords = minWords;
            return this;
        }

        public Builder optMaxWords(int maxWords) {
            this.maxWords = maxWords;
            return this;
        }

        public ParallelSentences build() {
            if (languages == null || languages.isEmpty()) {
                throw new IllegalStateException("setLanguages is required");
            }
            return new ParallelSentences(this);
        }
    }
}
