package org.masrrepro.datasets.corpus.analog;

import org.masrrepro.datasets.util.Hashes;

import java.io.IOException;
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
import java.util.TreeSet;
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

    /**
     * One sound file: its voice pack (speaker), class label, path and the SHA-256 of its bytes (packs ship
     * byte-identical copies of each other's recordings, e.g. Default_pl and Russian_pl share their cough).
     */
    public record Sound(String pack, String name, String label, Path file, String sha256) {
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
                    out.add(new Sound(f.getParent().getFileName().toString(), name, label, f,
                            Hashes.sha256(Files.readAllBytes(f))));
                }
            }
        }
        out.sort(Comparator.comparing(Sound::pack).thenComparing(Sound::name));
        return out;
    }

    /**
     * Split per group of voice packs, seeded and stratified: packs that share a recording (same bytes) form one group,
     * so no recording is in two splits. Groups with a cough are dealt separately from the others (one test, one dev,
     * the rest train; two test, two dev, the rest train), so every split has coughs.
     */
    static Map<String, String> splitOfPack(List<Sound> sounds, long seed) {
        return splitOfPack(sounds, seed, 1);
    }

    /** As {@link #splitOfPack(List, long)} with {@code testCoughGroups} groups with a cough in test (one in dev). */
    static Map<String, String> splitOfPack(List<Sound> sounds, long seed, int testCoughGroups) {
        Map<String, String> groupOfPack = groupOfPack(sounds);
        List<String> withCough = new ArrayList<>(sounds.stream().filter(s -> s.label().equals("cough"))
                .map(s -> groupOfPack.get(s.pack())).distinct().sorted().toList());
        List<String> others = new ArrayList<>(groupOfPack.values().stream().distinct()
                .filter(g -> !withCough.contains(g)).sorted().toList());
        if (withCough.size() < testCoughGroups + 2 || others.size() < 5) {
            throw new IllegalStateException("expected at least " + (testCoughGroups + 2) + " groups of voice packs "
                    + "with a cough and 5 without, found " + withCough.size() + " and " + others.size()
                    + "; is hedgewars-data complete?");
        }
        Seeded.shuffle(withCough, Seeded.stream(seed, "hedgewars-cough-packs"));
        Seeded.shuffle(others, Seeded.stream(seed, "hedgewars-packs"));
        Map<String, String> splitOfGroup = new TreeMap<>();
        for (int i = 0; i < withCough.size(); i++) {
            splitOfGroup.put(withCough.get(i), i < testCoughGroups ? "test" : i == testCoughGroups ? "dev" : "train");
        }
        for (int i = 0; i < others.size(); i++) {
            splitOfGroup.put(others.get(i), i < 2 ? "test" : i < 4 ? "dev" : "train");
        }
        Map<String, String> out = new TreeMap<>();
        groupOfPack.forEach((pack, group) -> out.put(pack, splitOfGroup.get(group)));
        return out;
    }

    /** Each pack's group, named by its sorted packs joined with '+': packs linked by a shared recording (union-find). */
    static Map<String, String> groupOfPack(List<Sound> sounds) {
        Map<String, String> parent = new TreeMap<>();
        sounds.forEach(s -> parent.put(s.pack(), s.pack()));
        Map<String, String> firstPackOfContent = new HashMap<>();
        for (Sound s : sounds) {
            String other = firstPackOfContent.putIfAbsent(s.sha256(), s.pack());
            if (other != null) {
                parent.put(root(parent, s.pack()), root(parent, other));
            }
        }
        Map<String, TreeSet<String>> members = new TreeMap<>();
        parent.keySet().forEach(p -> members.computeIfAbsent(root(parent, p), r -> new TreeSet<>()).add(p));
        Map<String, String> out = new TreeMap<>();
        members.values().forEach(m -> m.forEach(p -> out.put(p, String.join("+", m))));
        return out;
    }

    private static String root(Map<String, String> parent, String p) {
        while (!parent.get(p).equals(p)) {
            p = parent.get(p);
        }
        return p;
    }

    /** The sounds without byte-identical repeats: the first of each content (in the given order) is kept. */
    static List<Sound> distinct(List<Sound> sounds) {
        Set<String> seen = new HashSet<>();
        return sounds.stream().filter(s -> seen.add(s.sha256())).toList();
    }
}
