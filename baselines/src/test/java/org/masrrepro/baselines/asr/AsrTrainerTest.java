package org.masrrepro.baselines.asr;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.masrrepro.baselines.nn.ConformerConfig;
import org.masrrepro.baselines.train.OptimizerConfig;
import org.masrrepro.baselines.train.TrainResult;
import org.masrrepro.datasets.features.FeatureSet;
import org.masrrepro.datasets.util.ProgressListener;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** CTC fine-tuning learns to read characters from features that encode them, and resumes exactly. */
class AsrTrainerTest {

    static final ConformerConfig ENC = new ConformerConfig(16, 32, 1, 2, 2, 5, 4, 0.0f);
    static final OptimizerConfig OPT = new OptimizerConfig(3e-3, 10, "constant", 0.0, 0.9, 0.98, 1e-8, 1.0);

    /** Utterances of random words over "abcde": each character is 8-11 frames of its own spectral band, then 3 frames of silence. */
    static final class CharFeatures implements FeatureSet {
        final List<String> texts = new ArrayList<>();
        final List<float[][]> items = new ArrayList<>();

        CharFeatures(int n, long seed) {
            SplittableRandom r = new SplittableRandom(seed);
            for (int i = 0; i < n; i++) {
                StringBuilder sb = new StringBuilder();
                int words = 1 + r.nextInt(2);
                for (int w = 0; w < words; w++) {
                    if (w > 0) {
                        sb.append(' ');
                    }
                    int len = 2 + r.nextInt(3);
                    for (int k = 0; k < len; k++) {
                        sb.append((char) ('a' + r.nextInt(5)));
                    }
                }
                String text = sb.toString();
                List<float[]> frames = new ArrayList<>();
                for (char ch : text.toCharArray()) {
                    int band = ch == ' ' ? 14 : 2 * (ch - 'a') + 2;
                    int dur = 8 + r.nextInt(4);
                    for (int f = 0; f < dur + 3; f++) {
                        float[] x = new float[16];
                        for (int d = 0; d < 16; d++) {
                            boolean on = f < dur && Math.abs(d - band) <= 1;
                            x[d] = (float) ((on ? 3 : 0) + 0.3 * r.nextGaussian());
                        }
                        frames.add(x);
                    }
                }
                texts.add(text);
                items.add(frames.toArray(float[][]::new));
            }
        }

        @Override
        public int size() {
            return items.size();
        }

        @Override
        public int dim() {
            return 16;
        }

        @Override
        public String id(int i) {
            return "chars-" + i;
        }

        @Override
        public int numFrames(int i) {
            return items.get(i).length;
        }

        @Override
        public float[][] frames(int i) {
            return items.get(i);
        }
    }

    static final CharFeatures TRAIN = new CharFeatures(12, 5);
    static final CharVocabulary VOCAB = CharVocabulary.of(TRAIN.texts);

    static AsrTrainer.Builder builder(Path dir, int steps) {
        int[][] targets = TRAIN.texts.stream().map(VOCAB::encode).toArray(int[][]::new);
        return AsrTrainer.builder().setEncoder(ENC).setData(TRAIN, targets, VOCAB.size()).setBatchSize(4)
                .setCropFrames(64).setTotalSteps(steps).setOptimizer(OPT).setSeed(11).setWorkDir(dir)
                .optCheckpointEvery(50).optLogEvery(10).optFreezeEncoderSteps(5);
    }

    static double cer(Path checkpoint) throws IOException {
        try (AsrModel m = AsrModel.load(checkpoint, ENC, VOCAB, null)) {
            String[] hyp = m.transcribe(TRAIN, ProgressListener.NONE);
            long errors = 0;
            long chars = 0;
            for (int i = 0; i < hyp.length; i++) {
                errors += levenshtein(TRAIN.texts.get(i), hyp[i]);
                chars += TRAIN.texts.get(i).length();
            }
            System.out.printf("asr toy: %s -> \"%s\" (ref \"%s\"), CER %.4f%n", checkpoint.getParent().getFileName(),
                    hyp[0], TRAIN.texts.get(0), (double) errors / chars);
            return (double) errors / chars;
        }
    }

    @Test
    void overfitsCharactersAndResumesExactly(@TempDir Path tmp) throws IOException {
        assertEquals(7, VOCAB.size(), "blank, space and a-e");
        TrainResult untrained = builder(tmp.resolve("one"), 1).build().run();
        assertTrue(cer(untrained.finalCheckpoint()) > 0.5, "an untrained model cannot read the characters");
        TrainResult full = builder(tmp.resolve("full"), 200).build().run();
        double cer = cer(full.finalCheckpoint());
        assertTrue(cer < 0.1, "CER after 200 steps on the training utterances: " + cer);

        builder(tmp.resolve("cut"), 200).optStopAfterSteps(57).build().run();
        TrainResult resumed = builder(tmp.resolve("cut"), 200).build().run();
        assertEquals(full.finalLoss(), resumed.finalLoss());
        assertArrayEquals(Files.readAllBytes(full.finalCheckpoint().resolve("model.params")),
                Files.readAllBytes(resumed.finalCheckpoint().resolve("model.params")));
    }

    @Test
    void vocabularyRoundTrips(@TempDir Path tmp) throws IOException {
        CharVocabulary v = CharVocabulary.of(List.of("l'été", "ça va"));
        v.save(tmp.resolve("vocab.txt"));
        CharVocabulary back = CharVocabulary.load(tmp.resolve("vocab.txt"));
        assertEquals(v.size(), back.size());
        assertEquals("l'été ça va", back.decode(back.encode("l'été ça va")));
        assertEquals(1, back.unknown("lx"));
        assertArrayEquals(new int[] {1, 3}, CtcGreedyDecoder.decode(new float[][] {
                {0, 1, 0, 0}, {0, 1, 0, 0}, {1, 0, 0, 0}, {0, 0, 0, 2}, {0, 0, 0, 2}}));
        assertArrayEquals(new int[] {1, 1}, CtcGreedyDecoder.decode(new float[][] {{0, 1}, {1, 0}, {0, 1}}));
    }

    static int levenshtein(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j], cur[j - 1]) + 1);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
