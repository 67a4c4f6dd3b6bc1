package org.masrrepro.harness.spec;

/**
 * Continue pretraining from another spec's pretraining (section 4.3: MASR starts from BEST-RQ at 1M of 1.25M steps
 * and trains the remaining 250k with its own objective). The base run keeps milestone checkpoints at every tenth.
 */
public record InitFromSpec(
        @Doc("spec id whose pretraining is continued (resolved with the same profile and seed)") String spec,
        @Doc("fraction of the base's steps to start from: 0.1 ... 0.9 in tenths") double atFraction) {

    public InitFromSpec {
        Check.that(spec != null && !spec.isBlank(), "spec must name the base spec");
        Check.that(atFraction > 0 && atFraction < 1 && Math.abs(atFraction * 10 - Math.rint(atFraction * 10)) < 1e-9,
                "at_fraction must be one of 0.1, 0.2, ... 0.9 (milestones are kept at tenths), found " + atFraction);
    }
}
