package org.masrrepro.masr.encoders;

import java.util.SplittableRandom;

/**
 * Text content (section 7.1): the average of a fixed random character-embedding matrix over a transcript's
 * characters (code points hashed into {@code rows} rows), l2-normalised.
 */
public final class CharacterEmbeddingEncoder implements MetadataEncoder {

    private final float[][] table;

    public CharacterEmbeddingEncoder(int rows, int dim, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        table = new float[rows][dim];
        for (float[] row : table) {
            for (int j = 0; j < dim; j++) {
                row[j] = (float) (r.nextDouble() * 2 - 1);
            }
        }
    }

    @Override
    public String name() {
        return "char-embedding";
    }

    @Override
    public float[] encode(String text) {
        float[] sum = new float[table[0].length];
        int[] cps = text.toLowerCase().codePoints().toArray();
        for (int cp : cps) {
            float[] row = table[Math.floorMod(cp * 0x9E3779B1, table.length)];
            for (int j = 0; j < sum.length; j++) {
                sum[j] += row[j];
            }
        }
        if (cps.length > 0) {
            for (int j = 0; j < sum.length; j++) {
                sum[j] /= cps.length;
            }
        }
        return MetadataEncoder.unit(sum);
    }
}
