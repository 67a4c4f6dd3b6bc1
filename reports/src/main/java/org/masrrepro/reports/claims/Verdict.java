package org.masrrepro.reports.claims;

/** The outcome of checking one claim on our runs. */
public enum Verdict {
    /** The confidence interval of d lies above 0. */
    REPRODUCED("reproduced"),
    /** The confidence interval of d lies below 0. */
    NOT_REPRODUCED("not reproduced"),
    /** The interval contains 0, or fewer seeds were run than a verdict needs (3). */
    INCONCLUSIVE("inconclusive"),
    /** Some cell the claim needs was not measured. */
    NOT_RUN("not run");

    private final String label;

    Verdict(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
