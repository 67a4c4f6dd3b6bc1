package org.masrrepro.reports.metrics;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Computes accuracy (overall, overlapped, non-overlapped), macro-F1 and pooled equal error rate of a multi-class
 * scorer, in percent.
 *
 * <p>Prediction: argmax of the scores, ties to the lowest class index. Macro-F1: unweighted mean of per-class F1
 * over the classes that occur in the truth or in the predictions (sklearn {@code f1_score(average='macro')} with
 * {@code labels} = that union); a class with no true positive has F1 0.
 *
 * <p>EER, multi-class: every (utterance, class) pair is a trial, a target trial when the class is the true one,
 * scored by {@code scores[i][c]}. Sweeping the threshold over the pooled trials, the EER is where the
 * false-acceptance rate equals the false-rejection rate, linearly interpolated between the two operating points
 * that bracket the crossing. This equals the crossing of {@code fpr} and {@code 1 - tpr} of
 * {@code sklearn.metrics.roc_curve} on the flattened one-hot labels.
 */
public final class ClassificationMetrics {

    private ClassificationMetrics() {}

    /**
     * All metrics of one test set. {@code scores[i][c]} is any score monotone in the belief that utterance i is of
     * class c (e.g. a log-probability); {@code overlappedClasses} names the classes seen in pre-training.
     */
    public static ClassificationReport evaluate(int[] truth, float[][] scores, List<String> classes,
            Set<String> overlappedClasses) {
        int n = truth.length;
        int k = classes.size();
        check(truth, scores, k);
        int[] pred = new int[n];
        int[][] confusion = new int[k][k];
        int correctO = 0;
        int totalO = 0;
        int correctNo = 0;
        int totalNo = 0;
        for (int i = 0; i < n; i++) {
            pred[i] = argMax(scores[i]);
            confusion[truth[i]][pred[i]]++;
            boolean ok = pred[i] == truth[i];
            if (overlappedClasses.contains(classes.get(truth[i]))) {
                totalO++;
                correctO += ok ? 1 : 0;
            } else {
                totalNo++;
                correctNo += ok ? 1 : 0;
            }
        }
        Map<String, Double> recall = new LinkedHashMap<>();
        for (int c = 0; c < k; c++) {
            int row = Arrays.stream(confusion[c]).sum();
            recall.put(classes.get(c), row == 0 ? Double.NaN : 100.0 * confusion[c][c] / row);
        }
        double[] target = new double[n];
        double[] nonTarget = new double[n * (k - 1)];
        int t = 0;
        for (int i = 0; i < n; i++) {
            target[i] = scores[i][truth[i]];
            for (int c = 0; c < k; c++) {
                if (c != truth[i]) {
                    nonTarget[t++] = scores[i][c];
                }
            }
        }
        return new ClassificationReport(n, accuracy(truth, pred),
                totalO == 0 ? Double.NaN : 100.0 * correctO / totalO,
                totalNo == 0 ? Double.NaN : 100.0 * correctNo / totalNo,
                macroF1(truth, pred, k), eer(target, nonTarget), List.copyOf(classes), confusion, recall);
    }

    // Fail loudly on malformed input: a silent NaN or an out-of-range label would give a plausible wrong number.
    private static void check(int[] truth, float[][] scores, int k) {
        if (scores.length != truth.length) {
            throw new IllegalArgumentException(truth.length + " labels but " + scores.length + " score rows");
        }
        for (int i = 0; i < truth.length; i++) {
            if (truth[i] < 0 || truth[i] >= k) {
                throw new IllegalArgumentException("label " + truth[i] + " of utterance " + i + " not in [0," + k + ")");
            }
            if (scores[i].length != k) {
                throw new IllegalArgumentException("utterance " + i + " has " + scores[i].length + " scores, expected " + k);
            }
            for (float v : scores[i]) {
                if (Float.isNaN(v)) {
                    throw new IllegalArgumentException("NaN score for utterance " + i);
                }
            }
        }
    }

    /** Index of the largest score; ties go to the lowest index. */
    public static int argMax(float[] s) {
        int best = 0;
        for (int c = 1; c < s.length; c++) {
            if (s[c] > s[best]) {
                best = c;
            }
        }
        return best;
    }

    /** Accuracy in percent. */
    public static double accuracy(int[] truth, int[] pred) {
        int ok = 0;
        for (int i = 0; i < truth.length; i++) {
            ok += truth[i] == pred[i] ? 1 : 0;
        }
        return truth.length == 0 ? Double.NaN : 100.0 * ok / truth.length;
    }

    /** Macro-F1 in percent over the classes present in truth or predictions (sklearn's average='macro'). */
    public static double macroF1(int[] truth, int[] pred, int numClasses) {
        int[] tp = new int[numClasses];
        int[] fp = new int[numClasses];
        int[] fn = new int[numClasses];
        boolean[] present = new boolean[numClasses];
        for (int i = 0; i < truth.length; i++) {
            present[truth[i]] = true;
            present[pred[i]] = true;
            if (truth[i] == pred[i]) {
                tp[truth[i]]++;
            } else {
                fp[pred[i]]++;
                fn[truth[i]]++;
            }
        }
        double sum = 0;
        int count = 0;
        for (int c = 0; c < numClasses; c++) {
            if (!present[c]) {
                continue;
            }
            count++;
            int denom = 2 * tp[c] + fp[c] + fn[c];
            sum += denom == 0 ? 0 : 2.0 * tp[c] / denom;
        }
        return count == 0 ? Double.NaN : 100.0 * sum / count;
    }

    /** Two-class EER in percent: items of class 1 are the targets, scored by {@code class1Score} (any monotone score). */
    public static double binaryEer(int[] truth, double[] class1Score) {
        double[] target = java.util.stream.IntStream.range(0, truth.length).filter(i -> truth[i] == 1)
                .mapToDouble(i -> class1Score[i]).toArray();
        double[] nonTarget = java.util.stream.IntStream.range(0, truth.length).filter(i -> truth[i] != 1)
                .mapToDouble(i -> class1Score[i]).toArray();
        return eer(target, nonTarget);
    }

    /**
     * Equal error rate in percent of target and non-target scores (higher = more target-like). Thresholds are the
     * distinct scores; at threshold s a trial is accepted when its score >= s, so tied scores move together and
     * the result does not depend on input order. NaN when either set is empty.
     */
    public static double eer(double[] targetScores, double[] nonTargetScores) {
        int nt = targetScores.length;
        int nn = nonTargetScores.length;
        if (nt == 0 || nn == 0) {
            return Double.NaN;
        }
        double[][] all = new double[nt + nn][];
        for (int i = 0; i < nt; i++) {
            all[i] = new double[] {targetScores[i], 1};
        }
        for (int i = 0; i < nn; i++) {
            all[nt + i] = new double[] {nonTargetScores[i], 0};
        }
        Arrays.sort(all, (a, b) -> Double.compare(b[0], a[0])); // descending score
        // Walk thresholds from high to low; after consuming all trials with score >= s:
        // FAR = accepted non-targets / nn, FRR = rejected targets / nt.
        double prevFar = 0;
        double prevFrr = 1;
        int acceptedT = 0;
        int acceptedN = 0;
        int i = 0;
        while (i < all.length) {
            double s = all[i][0];
            while (i < all.length && all[i][0] == s) {
                if (all[i][1] == 1) {
                    acceptedT++;
                } else {
                    acceptedN++;
                }
                i++;
            }
            double far = (double) acceptedN / nn;
            double frr = 1 - (double) acceptedT / nt;
            if (far >= frr) {
                // Crossing between (prevFar, prevFrr) and (far, frr): intersect the segment with FAR = FRR.
                double d0 = prevFrr - prevFar;
                double d1 = frr - far;
                double a = d0 == d1 ? 0 : d0 / (d0 - d1);
                return 100.0 * (prevFar + a * (far - prevFar));
            }
            prevFar = far;
            prevFrr = frr;
        }
        return 0;
    }
}
