package org.masrrepro.datasets.text;

import org.masrrepro.datasets.util.Hashes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Mines n-way parallel sentences from installed gettext catalogues: English msgids of 4-30 words, free of
 * placeholders and markup, with a real (not copied) human translation in every requested language. With a minimum
 * coverage below 1 it mines near-parallel sentences instead: translated in at least that fraction of the languages
 * (a sentence's {@code text} then holds only the languages that translate it).
 */
public final class ParallelSentences {

    /**
     * The Debian package that ships each default domain's catalogues ({@code harness/bin/debian-packages.txt} installs
     * them all). The domains read by default, in order (the first domain wins when two hold the same English
     * sentence), are this map's keys; a domain missing in a requested language is skipped for that language.
     */
    public static final Map<String, String> DOMAIN_PACKAGES = domainPackages(
            "gtk20", "libgtk2.0-common", "glib20", "libglib2.0-data", "gdk-pixbuf", "libgdk-pixbuf2.0-common",
            "at-spi2-core", "at-spi2-common", "coreutils", "coreutils", "Linux-PAM", "libpam-runtime",
            "shared-mime-info", "shared-mime-info", "PackageKit", "packagekit", "software-properties",
            "software-properties-common", "xdg-user-dirs", "xdg-user-dirs", "gtk20-properties", "libgtk2.0-common",
            "gsettings-desktop-schemas", "gsettings-desktop-schemas", "python-apt", "python-apt-common",
            "appstream", "appstream", "apt", "apt", "libapt-pkg6.0", "libapt-pkg6.0", "dpkg", "dpkg", "grep", "grep",
            "sed", "sed", "findutils", "findutils", "wget", "wget", "bash", "bash", "shadow", "login",
            "gettext-runtime", "gettext-base", "avahi", "libavahi-common-data", "gstreamer-1.0", "libgstreamer1.0-0",
            "gst-plugins-base-1.0", "libgstreamer-plugins-base1.0-0", "gtk30", "libgtk-3-common", "gtk30-properties",
            "libgtk-3-common", "gtk40", "libgtk-4-common", "gnome-control-center-2.0", "gnome-control-center-data",
            "nautilus", "nautilus-data", "gedit", "gedit-common", "evolution-data-server",
            "evolution-data-server-common", "gnome-shell", "gnome-shell-common", "pidgin", "pidgin-data", "vlc",
            "vlc-l10n");

    /** Domains read by default, in order: {@link #DOMAIN_PACKAGES}' keys. */
    public static final List<String> DEFAULT_DOMAINS = List.copyOf(DOMAIN_PACKAGES.keySet());

    private static Map<String, String> domainPackages(String... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return Collections.unmodifiableMap(m);
    }

    /** Locale directories that may hold a language, best first (European Portuguese, Cyrillic Serbian, simplified Chinese). */
    private static final Map<String, List<String>> LOCALE_CANDIDATES = Map.of(
            "nb", List.of("nb", "no", "nb_NO"),
            "pt", List.of("pt", "pt_PT"),
            "zh", List.of("zh_CN"),
            "sr", List.of("sr"),
            "ms", List.of("ms", "ms_MY"));

    /** Placeholders, markup, paths, option syntax, ellipses: nothing a reader would say as written. */
    private static final Pattern BAD = Pattern.compile("[%{}$<>\\\\@#|/=\\[\\]*~^`]|\\.\\.\\.|…|--|^-|&\\w+;");
    /** GTK mnemonics: "_Open", and the CJK form "打开(_O)". */
    private static final Pattern CJK_MNEMONIC = Pattern.compile("\\s*\\(_\\p{L}\\)");
    private static final Pattern LETTER = Pattern.compile("\\p{L}");

    private final List<String> languages;
    private final Path localeDir;
    private final List<String> domains;
    private final int minWords;
    private final int maxWords;
    private final double minCoverage;
    private final Map<String, String> localeUsed = new TreeMap<>();
    private final Map<String, Path> cataloguesUsed = new TreeMap<>();
    private final Map<Path, Map<String, String>> cache = new HashMap<>();

    private ParallelSentences(Builder b) {
        this.languages = List.copyOf(b.languages);
        this.localeDir = b.localeDir;
        this.domains = List.copyOf(b.domains);
        this.minWords = b.minWords;
        this.maxWords = b.maxWords;
        this.minCoverage = b.minCoverage;
    }

    /** Fewest languages (English counted) a sentence must be translated in: all of them unless near-parallel. */
    int minLanguages() {
        return Math.max(1, (int) Math.ceil(minCoverage * languages.size() - 1e-9));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Locale directory name used per language, e.g. {@code nb -> nb}; filled by {@link #mine()} and {@link #sentencesPerLanguage()}. */
    public Map<String, String> localeUsed() {
        return Collections.unmodifiableMap(localeUsed);
    }

    /** Catalogue files read by {@link #mine()}, keyed {@code language/domain}. */
    public Map<String, Path> cataloguesUsed() {
        return Collections.unmodifiableMap(cataloguesUsed);
    }

    /**
     * Sentences translated in all requested languages (or, near-parallel, in at least the minimum coverage of them),
     * deduplicated by English text, sorted by id.
     */
    public List<ParallelSentence> mine() throws IOException {
        requireEveryDomain();
        cataloguesUsed.clear();
        Map<String, String> locales = resolveLocales(true);
        int need = minLanguages();
        Map<String, ParallelSentence> byId = new TreeMap<>();
        Set<String> seenEnglish = new HashSet<>();
        for (String domain : domains) {
            Map<String, Map<String, String>> byLang = new LinkedHashMap<>();
            int present = languages.contains("en") ? 1 : 0;
            for (String lang : languages) {
                if (!lang.equals("en")) {
                    Path mo = path(locales.get(lang), domain);
                    if (Files.isRegularFile(mo)) {
                        byLang.put(lang, load(mo));
                        present++;
                    }
                }
            }
            if (present < need || byLang.isEmpty() && !languages.contains("en")) {
                continue; // too few languages translate this domain to give a sentence
            }
            boolean used = false;
            for (String msgid : englishCandidates(domain, byLang)) {
                String english = cleanEnglish(msgid);
                Map<String, String> text = new TreeMap<>();
                for (String lang : languages) {
                    Map<String, String> cat = byLang.get(lang);
                    String t = lang.equals("en") ? english
                            : cat == null ? null : cleanTranslation(cat.get(msgid), english);
                    if (t != null) {
                        text.put(lang, t);
                    }
                }
                if (text.size() >= need && seenEnglish.add(dedupKey(english))) {
                    String id = id(domain, msgid);
                    byId.put(id, new ParallelSentence(id, domain, english, Collections.unmodifiableMap(text)));
                    used = true;
                }
            }
            if (used) {
                for (String lang : byLang.keySet()) {
                    cataloguesUsed.put(lang + "/" + domain, path(locales.get(lang), domain));
                }
            }
        }
        return List.copyOf(byId.values());
    }

    /**
     * For each requested language on its own, how many distinct English sentences (of the configured domains) it has
     * a usable translation of: the ceiling on any n-way set containing it, to choose languages by.
     */
    public Map<String, Integer> sentencesPerLanguage() throws IOException {
        requireEveryDomain();
        Map<String, String> locales = resolveLocales(false);
        Map<String, Integer> out = new LinkedHashMap<>();
        for (String lang : languages) {
            Set<String> keys = new HashSet<>();
            String loc = locales.get(lang);
            for (String domain : domains) {
                Path mo = lang.equals("en") ? firstCatalogue(domain) : loc == null ? null : path(loc, domain);
                if (mo == null || !Files.isRegularFile(mo)) {
                    continue;
                }
                Map<String, String> cat = load(mo);
                for (String msgid : cat.keySet()) {
                    String english = cleanEnglish(msgid);
                    if (english != null && (lang.equals("en") || cleanTranslation(cat.get(msgid), english) != null)) {
                        keys.add(dedupKey(english));
                    }
                }
            }
            out.put(lang, keys.size());
        }
        return out;
    }

    /** English msgids of one domain (any language's catalogue of it) that pass the English filters, sorted. */
    private List<String> englishCandidates(String domain, Map<String, Map<String, String>> byLang) throws IOException {
        Set<String> all = new HashSet<>();
        if (byLang.isEmpty()) {
            all.addAll(load(firstCatalogue(domain)).keySet());
        }
        byLang.values().forEach(c -> all.addAll(c.keySet()));
        List<String> out = new ArrayList<>();
        for (String msgid : all) {
            if (cleanEnglish(msgid) != null) {
                out.add(msgid);
            }
        }
        Collections.sort(out); // catalogue order is the .mo's; sort so the result depends on content only
        return out;
    }

    /**
     * Fails when a configured domain has no catalogue at all under the locale directory: a machine without its package
     * would silently mine another sentence pool, so its corpora would differ from everyone else's.
     */
    private void requireEveryDomain() throws IOException {
        List<String> absent = new ArrayList<>();
        for (String domain : domains) {
            if (firstCatalogue(domain) == null) {
                absent.add(domain + (DOMAIN_PACKAGES.containsKey(domain)
                        ? " (Debian package " + DOMAIN_PACKAGES.get(domain) + ")" : ""));
            }
        }
        if (!absent.isEmpty()) {
            throw new IllegalStateException("no gettext catalogue of " + absent + " under " + localeDir + "; install "
                    + "the packages (harness/bin/install-deps.sh does, as root) or configure domains without them: "
                    + "without them the sentence pool, and so every analog corpus, differs from other machines'. "
                    + "If the package is installed, the image may drop locale files (a dpkg path-exclude rule under "
                    + "/etc/dpkg/dpkg.cfg.d/): remove the rule and reinstall the package");
        }
    }

    /** Picks, per language, the first candidate locale directory that holds any configured domain. */
    private Map<String, String> resolveLocales(boolean required) {
        List<String> missing = new ArrayList<>();
        for (String lang : languages) {
            if (lang.equals("en")) {
                localeUsed.put(lang, "(msgid)");
                continue;
            }
            String found = null;
            for (String loc : candidates(lang)) {
                if (domains.stream().anyMatch(d -> Files.isRegularFile(path(loc, d)))) {
                    found = loc;
                    break;
                }
            }
            if (found == null) {
                missing.add(lang + " (tried " + candidates(lang) + ")");
            } else {
                localeUsed.put(lang, found);
            }
        }
        if (required && !missing.isEmpty()) {
            throw new IllegalStateException("no gettext catalogues of domains " + domains + " under " + localeDir
                    + " for " + missing + "; drop these languages or install packages that translate into them");
        }
        return localeUsed;
    }

    private static List<String> candidates(String lang) {
        return LOCALE_CANDIDATES.getOrDefault(lang, List.of(lang, lang + "_" + lang.toUpperCase(Locale.ROOT)));
    }

    private Path path(String locale, String domain) {
        return localeDir.resolve(locale).resolve("LC_MESSAGES").resolve(domain + ".mo");
    }

    /** English has no catalogue: any translated catalogue of the domain lists its msgids (first locale dir by name). */
    private Path firstCatalogue(String domain) throws IOException {
        if (!Files.isDirectory(localeDir)) {
            return null;
        }
        try (var dirs = Files.list(localeDir)) {
            return dirs.sorted().map(d -> d.resolve("LC_MESSAGES").resolve(domain + ".mo"))
                    .filter(Files::isRegularFile).findFirst().orElse(null);
        }
    }

    private Map<String, String> load(Path mo) throws IOException {
        if (mo == null) {
            return Map.of();
        }
        Map<String, String> c = cache.get(mo);
        if (c == null) {
            c = MoCatalog.read(mo);
            cache.put(mo, c);
        }
        return c;
    }

    /** The speakable form of an English msgid, or null when it is rejected (placeholders, markup, word count). */
    String cleanEnglish(String msgid) {
        String e = clean(msgid);
        if (e == null) {
            return null;
        }
        int w = e.split(" ").length;
        return w >= minWords && w <= maxWords ? e : null;
    }

    /** The speakable form of a translation, or null when absent, rejected, or just the English copied. */
    static String cleanTranslation(String translation, String english) {
        String t = translation == null ? null : clean(translation);
        if (t == null || t.equalsIgnoreCase(english) || LETTER.matcher(t).results().count() < 3) {
            return null;
        }
        return t;
    }

    /** Strips mnemonics and a trailing colon, normalizes spaces; null when placeholders, markup or newlines remain. */
    static String clean(String s) {
        if (s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0 || s.indexOf('\t') >= 0) {
            return null;
        }
        String t = CJK_MNEMONIC.matcher(s).replaceAll("").replace("_", "").trim();
        if (t.endsWith(":") || t.endsWith("：")) {
            t = t.substring(0, t.length() - 1).trim();
        }
        if (t.isEmpty() || BAD.matcher(t).find() || !LETTER.matcher(t).find()
                || t.codePoints().anyMatch(Character::isISOControl)) {
            return null;
        }
        return t.replaceAll("\\s+", " ");
    }

    /** Near-identical English strings ("Open file" / "Open file.") are one sentence: they would leak across splits. */
    private static String dedupKey(String english) {
        return english.toLowerCase(Locale.ROOT).replaceAll("[.!?。]+$", "");
    }

    /** Short stable id: the first 10 hex digits of SHA-256 over domain and msgid. */
    static String id(String domain, String msgid) {
        return Hashes.sha256((domain + "\u0000" + msgid).getBytes(StandardCharsets.UTF_8)).substring(0, 10);
    }

    /** Configures a {@link ParallelSentences} miner. */
    public static final class Builder {
        private List<String> languages;
        private Path localeDir = Path.of("/usr/share/locale");
        private List<String> domains = DEFAULT_DOMAINS;
        private int minWords = 4;
        private int maxWords = 30;
        private double minCoverage = 1.0;

        /** Required: ISO 639-1 codes; {@code en} means the msgids themselves. */
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

        /**
         * Near-parallel mining: keep sentences translated in at least this fraction of the languages (default 1:
         * n-way parallel). Needed for 60+ languages, which share only a few dozen fully parallel sentences.
         */
        public Builder optMinCoverage(double minCoverage) {
            this.minCoverage = minCoverage;
            return this;
        }

        public ParallelSentences build() {
            if (!(minCoverage > 0 && minCoverage <= 1)) {
                throw new IllegalArgumentException("ParallelSentences: minCoverage must be in (0, 1], got " + minCoverage);
            }
            if (languages == null || languages.isEmpty()) {
                throw new IllegalStateException("ParallelSentences: setLanguages(...) is required, e.g. List.of(\"sv\", \"da\")");
            }
            if (new HashSet<>(languages).size() != languages.size()) {
                throw new IllegalArgumentException("ParallelSentences: duplicate languages in " + languages);
            }
            if (minWords < 1 || maxWords < minWords) {
                throw new IllegalArgumentException("ParallelSentences: need 1 <= minWords <= maxWords, got "
                        + minWords + ".." + maxWords);
            }
            return new ParallelSentences(this);
        }
    }
}
