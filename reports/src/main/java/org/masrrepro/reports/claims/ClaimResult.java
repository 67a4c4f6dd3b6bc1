package org.masrrepro.reports.claims;

import org.masrrepro.reports.stats.PairedSummary;

import java.util.List;

/**
 * A claim checked on our runs.
 *
 * @param claim    the predicate
 * @param verdict  reproduced, not reproduced, inconclusive or not run
 * @param seeds    the seeds every needed cell had
 * @param perSeed  d per seed, in seed order
 * @param summary  mean, CI and sign test of d (null when not run)
 * @param paperD   d computed from the paper's own numbers, where all its cells are in the paper (else NaN)
 * @param note     why it was not run, or what the verdict rests on
 * @param measuredOn the corpora (labels, sorted) of the cells of ours the claim read: the claim names the paper's
 *                 datasets, these say what ours came from (an analog is not the paper's dataset)
 */
public record ClaimResult(Claim claim, Verdict verdict, List<Long> seeds, List<Double> perSeed,
        PairedSummary summary, double paperD, String note, List<String> measuredOn) {}
