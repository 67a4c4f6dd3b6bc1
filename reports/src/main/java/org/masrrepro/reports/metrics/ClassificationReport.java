package org.masrrepro.reports.metrics;

import java.util.List;
import java.util.Map;

/**
 * Classification metrics in percent, as the paper reports them.
 *
 * @param n                     test utterances
 * @param accuracy              overall accuracy
 * @param accuracyOverlapped    accuracy over utterances whose true class is overlapped (NaN if none)
 * @param accuracyNonOverlapped accuracy over the others (NaN if none)
 * @param macroF1               unweighted mean F1 over classes present in truth or predictions
 * @param eer                   pooled one-vs-rest equal error rate
 * @param classes               class names, in score-column order
 * @param confusion             counts [true][predicted]
 * @param recallPerClass        recall per class (NaN for classes absent from truth)
 */
public record ClassificationReport(int n, double accuracy, double accuracyOverlapped, double accuracyNonOverlapped,
        double macroF1, double eer, List<String> classes, int[][] confusion, Map<String, Double> recallPerClass) {}
