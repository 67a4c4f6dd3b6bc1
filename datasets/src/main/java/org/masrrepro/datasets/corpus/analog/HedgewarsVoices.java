package org.masrrepro.datasets.corpus.analog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Recorded non-speech human vocal sounds from Debian hedgewars-data: {@code Data/Sounds/voices/<pack>/<Name>.ogg},
 * one voice actor per pack. Classes by file name: laugh (Laugh), pain (Ow*, Ooff*), effort (Jump*), cough
 * (PoisonCough), moan (PoisonMoan); spoken words (Hello, Incoming...) are left out.
 */
public final class HedgewarsVoices {

    public static final Path VOICES_DIR = Path.of("/usr/share/games/hedgewars/Data/Sounds/voices");
    public static final String PACKAGE = "hedgewars-data";
    public static final List<String> LABELS = List.of("laugh", "pain", "effort", "cough", "moan");
    private static final Map<String, Pattern> CLASSES = Map.of(
            "laugh", Pattern.compile("Laugh\\d*"),
            "pain", Pattern.compile("(Ow|Ooff)\\d*"),
            "effort", Pattern.compile("Jump\\d*"),
            "cough", Pattern.compile("PoisonCough\\d*"),
            "moan", Pattern.compile("PoisonMoan\\d*"));

    /** One sound file: its voice pack (speaker), class label and path. */
    public record Sound(String pack, String name, String label, Path file) {
        public String id() {
            return pack.toLowerCase(java.util.Locale.ROOT).replace('_', '-') + "-" + name.toLowerCase(java.util.Locale.ROOT);
        }
    }

    private HedgewarsVoices() {}

    /** The class of a file name without extension, or null when it is not one of {@link #LABELS}. */
    static String label(String name) {
        for (String l : LABELS) {
            if (CLASSES.get(l).matcher(name).matches()) {
                return l;
            }
        }
        return null;
    }

    /** All labelled sounds, sorted by pack and name; throws with the install command when the package is absent. */
    public static List<Sound> sounds(Path voicesDir) throws IOException {
        if (!Files.isDirectory(voicesDir)) {
            throw new IllegalStateException("no Hedgewars voice packs at " + voicesDir + "; as root: apt-get install -y "
                    + PACKAGE);
        }
        List<Sound> out = new ArrayList<>();
        try (Stream<Path> s = Files.walk(voicesDir, 2)) {
            for (Path f : s.filter(p -> p.getFileName().toString().endsWith(".ogg")).toList()) {
                String name = f.getFileName().toString().replaceFirst("\\.ogg$", "");
                String label = label(name);
                if (label != null) {
                    out.add(new Sound(f.getParent().getFileName().toString(), name, label, f));
                }
            }
        }
        out.sort(Comparator.comparing(Sound::pack).thenComparing(Sound::name));
        return out;
    }

    /**
     * Split per voice pack, seeded and stratified: packs that have a cough are dealt separately from the others
     * (one test, one dev, the rest train; two test, two dev, the rest train), so every split has coughs.
     */
    static Map<String, String> splitOfPack(List<Sound> sounds, long seed) {
        List<String> withCough = new ArrayList<>(sounds.stream().filter(s -> s.label().equals("cough"))
                .map(Sound::pack).distinct().sorted().toList());
        List<String> others = new ArrayList<>(sounds.stream().map(Sound::pack).distinct()
                .filter(p -> !withCough.contains(p)).sorted().toList());
        if (withCough.size() < 3 || others.size() < 5) {
            throw new IllegalStateException("expected at least 3 voice packs with a cough and 5 without, found "
                    + withCough.size() + " and " + others.size() + "; is hedgewars-data complete?");
        }
        Seeded.shuffle(withCough, Seeded.stream(seed, "hedgewars-cough-packs"));
        Seeded.shuffle(others, Seeded.stream(seed, "hedgewars-packs"));
        Map<String, String> out = new TreeMap<>();
        for (int i = 0; i < withCough.size(); i++) {
            out.put(withCough.get(i), i == 0 ? "test" : i == 1 ? "dev" : "train");
        }
        for (int i = 0; i < others.size(); i++) {
            out.put(others.get(i), i < 2 ? "test" : i < 4 ? "dev" : "train");
        }
        return out;
    }
}
