package org.masrrepro.datasets.loaders;

/** Maps a corpus's numbered folds (or sessions) to splits: one test fold, an optional dev fold, the rest train. */
record Folds(int test, int dev) {

    Folds {
        if (test < 1 || dev < 0 || test == dev) {
            throw new IllegalArgumentException("folds: test fold must be >= 1, dev fold >= 0 (0 = no dev) and they "
                    + "must differ, found test " + test + ", dev " + dev);
        }
    }

    String split(int fold) {
        return fold == test ? "test" : fold == dev ? "dev" : "train";
    }

    String describe(String what) {
        return "split: " + what + " " + test + " is test" + (dev > 0 ? ", " + what + " " + dev + " is dev" : "")
                + ", the others train";
    }
}
