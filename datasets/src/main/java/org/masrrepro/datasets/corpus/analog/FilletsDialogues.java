package org.masrrepro.datasets.corpus.analog;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The voice-acted dialogue of Fish Fillets NG (Debian fillets-ng-data-cs / -nl audio, fillets-ng-data scripts):
 * {@code sound/<level>/<lang>/<id>.ogg} is the line whose text is {@code dialogStr} after {@code dialogId("<id>", ...)}
 * in {@code script/<level>/*dialogs_<lang>.lua} (shared jokes: {@code sound/share/<x>/} and {@code script/share/}).
 */
public final class FilletsDialogues {

    public static final Path GAME_DIR = Path.of("/usr/share/games/fillets-ng");
    /** Languages with voice acting in Debian, and the package that ships each. */
    public static final Map<String, String> AUDIO_PACKAGES = Map.of("cs", "fillets-ng-data-cs", "nl", "fillets-ng-data-nl");
    public static final String SCRIPT_PACKAGE = "fillets-ng-data";

    private static final String Q = "\"((?:[^\"\\\\]|\\\\.)*)\"";
    private static final Pattern LINE = Pattern.compile("dialogId\\(\\s*" + Q + "\\s*,\\s*(?:" + Q + "|nil)\\s*,\\s*" + Q
            + "\\s*\\)\\s*dialogStr\\(\\s*" + Q + "\\s*\\)");
    private static final Pattern LETTER = Pattern.compile("\\p{L}");

    /**
     * One spoken line.
     *
     * @param id      {@code <level>/<file id>}, unique within a language
     * @param level   the game level (the unit of dialogue-disjoint splits); the shared jokes are level {@code share}
     * @param role    the character code in the file id ({@code m} small fish, {@code v} big fish, others per level)
     * @param speaker {@code fillets-<lang>-<role>} for the two fish, else {@code fillets-<lang>-<level>-<role>}
     * @param text    the line as the language's script has it
     * @param audio   the Ogg Vorbis file
     */
    public record Line(String id, String level, String language, String role, String speaker, String text, Path audio) {}

    private FilletsDialogues() {}

    /** Every line of {@code language} with audio and a non-empty text, sorted by id; throws naming a missing package. */
    public static List<Line> lines(Path gameDir, String language) throws IOException {
        Path sound = gameDir.resolve("sound");
        Path script = gameDir.resolve("script");
        if (!Files.isDirectory(script)) {
            throw new IllegalStateException("no Fish Fillets scripts at " + script + "; as root: apt-get install -y "
                    + SCRIPT_PACKAGE);
        }
        List<Path> oggs;
        try (Stream<Path> s = Files.walk(sound)) {
            oggs = s.filter(p -> p.getFileName().toString().endsWith(".ogg")
                    && p.getParent().getFileName().toString().equals(language)).sorted().toList();
        } catch (java.nio.file.NoSuchFileException e) {
            oggs = List.of();
        }
        if (oggs.isEmpty()) {
            throw new IllegalStateException("no " + language + " dialogue audio under " + sound + "; as root: apt-get "
                    + "install -y " + AUDIO_PACKAGES.getOrDefault(language, "fillets-ng-data-" + language));
        }
        Map<Path, Map<String, String>> textsByDir = new HashMap<>();
        Map<String, String> global = new HashMap<>();
        Set<String> ambiguous = new HashSet<>();
        try (Stream<Path> s = Files.walk(script)) {
            for (Path lua : s.filter(p -> p.getFileName().toString().endsWith("dialogs_" + language + ".lua")).sorted()
                    .toList()) {
                Map<String, String> texts = textsByDir.computeIfAbsent(lua.getParent(), k -> new TreeMap<>());
                Matcher m = LINE.matcher(Files.readString(lua, StandardCharsets.UTF_8));
                while (m.find()) {
                    String id = unescape(m.group(1));
                    String text = unescape(m.group(4)).replaceAll("\\s+", " ").trim();
                    texts.put(id, text);
                    String old = global.put(id, text);
                    if (old != null && !old.equals(text)) {
                        ambiguous.add(id);
                    }
                }
            }
        }
        List<Line> out = new ArrayList<>();
        for (Path ogg : oggs) {
            Path rel = sound.relativize(ogg.getParent().getParent());
            String fileId = ogg.getFileName().toString().replaceFirst("\\.ogg$", "");
            boolean shared = rel.getNameCount() == 2 && rel.getName(0).toString().equals("share");
            String level = shared ? "share" : rel.toString();
            Path scriptDir = script.resolve(shared ? Path.of("share") : rel);
            String text = textsByDir.getOrDefault(scriptDir, Map.of()).get(fileId);
            if (text == null && !ambiguous.contains(fileId)) {
                text = global.get(fileId);
            }
            if (text == null || LETTER.matcher(text).results().count() < 2) {
                continue; // no script line (or a sound effect with an empty line): nothing to transcribe
            }
            String[] parts = fileId.split("[-_]");
            // ids are <level abbreviation>-<role>-<name> (let-m-divna), in a few levels <role>-<name> (v-argumenty)
            String role = parts.length >= 3 && parts[1].matches("\\p{L}+") ? parts[1]
                    : parts.length == 2 && (parts[0].equals("m") || parts[0].equals("v")) ? parts[0] : "x";
            String speaker = role.equals("m") || role.equals("v") ? "fillets-" + language + "-" + role
                    : "fillets-" + language + "-" + level.replace('/', '-') + "-" + role;
            out.add(new Line(rel.toString().replace('/', '-') + "/" + fileId, level, language, role, speaker, text, ogg));
        }
        out.sort(Comparator.comparing(Line::id));
        return out;
    }

    /**
     * Split per level, seeded and independent of the language (so the cs and nl splits hold the same levels): the
     * level directories of the scripts, sorted then shuffled; the first {@code ceil(testFraction * n)} go to test, the
     * next {@code ceil(devFraction * n)} to dev, the rest to train.
     */
    static Map<String, String> splitOfLevel(Path gameDir, double devFraction, double testFraction, long seed)
            throws IOException {
        List<String> levels;
        try (Stream<Path> s = Files.list(gameDir.resolve("script"))) {
            levels = new ArrayList<>(s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList());
        }
        Seeded.shuffle(levels, Seeded.stream(seed, "fillets-levels"));
        int test = (int) Math.ceil(testFraction * levels.size());
        int dev = (int) Math.ceil(devFraction * levels.size());
        Map<String, String> out = new TreeMap<>();
        for (int i = 0; i < levels.size(); i++) {
            out.put(levels.get(i), i < test ? "test" : i < test + dev ? "dev" : "train");
        }
        return out;
    }

    private static String unescape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                sb.append(switch (n) {
                    case 'n', 't', 'r' -> ' ';
                    default -> n;
                });
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
