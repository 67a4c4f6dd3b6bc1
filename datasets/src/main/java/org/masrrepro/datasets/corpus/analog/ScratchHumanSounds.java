package org.masrrepro.datasets.corpus.analog;

import org.masrrepro.datasets.util.Hashes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Recorded human vocal sounds of Debian's {@code scratch} media library ({@code Media/Sounds/Human/<Class>-<sex>.wav},
 * CC BY-SA 3.0): coughs, sneezes, laughs and screams by a female and a male actor, as two pseudo voice packs
 * ("scratch-female", "scratch-male") in {@link HedgewarsVoices.Sound} form. MP3 files are left out (sox's MP3 format
 * is not installed).
 */
public final class ScratchHumanSounds {

    public static final Path SOUNDS_DIR = Path.of("/usr/share/scratch/Media/Sounds/Human");
    public static final String PACKAGE = "scratch";
    private static final Pattern NAME = Pattern.compile("(Cough|Sneeze|Laugh|Scream)-(female|male)\\d*");

    private ScratchHumanSounds() {}

    /** The cough, sneeze, laugh and scream WAV files, sorted by pack and name; throws with the install command. */
    public static List<HedgewarsVoices.Sound> sounds(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("no Scratch human sounds at " + dir + "; as root: apt-get install -y "
                    + "--no-install-recommends " + PACKAGE);
        }
        List<HedgewarsVoices.Sound> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path f : s.filter(p -> p.getFileName().toString().endsWith(".wav")).sorted().toList()) {
                String name = f.getFileName().toString().replaceFirst("\\.wav$", "");
                Matcher m = NAME.matcher(name);
                if (m.matches()) {
                    out.add(new HedgewarsVoices.Sound("scratch-" + m.group(2), name, m.group(1).toLowerCase(Locale.ROOT),
                            f, Hashes.sha256(Files.readAllBytes(f))));
                }
            }
        }
        out.sort(Comparator.comparing(HedgewarsVoices.Sound::pack).thenComparing(HedgewarsVoices.Sound::name));
        for (String pack : List.of("scratch-female", "scratch-male")) {
            if (out.stream().noneMatch(s -> s.pack().equals(pack) && s.label().equals("cough"))) {
                // without this the cough corpus would quietly be built from Hedgewars alone
                throw new IllegalStateException("no Cough-" + pack.substring(8) + ".wav in " + dir + " (found "
                        + out.stream().map(HedgewarsVoices.Sound::name).toList() + "); is Debian's " + PACKAGE
                        + " package complete? apt-get install --reinstall " + PACKAGE);
            }
        }
        return out;
    }
}
