package org.masrrepro.reports.claims;

import java.util.List;

/**
 * One of the paper's qualitative claims as a predicate on our results, fixed before results are seen. Each seed
 * gives a signed statistic d (positive = the claim holds on that seed); see {@link ClaimEvaluator}.
 *
 * @param id           stable id
 * @param source       where the paper makes the claim
 * @param statement    the claim in words
 * @param type         how d is computed
 * @param a            first cell (all types but the row-wise ones)
 * @param b            second cell ({@code greater}, {@code less}, {@code gain_greater}, {@code not_worse})
 * @param c            third cell ({@code gain_greater}: d = (a - b) - (c - e))
 * @param e            fourth cell ({@code gain_greater})
 * @param tolerance    {@code not_worse}: how much worse a may be than b
 * @param lowerIsBetter {@code not_worse} and row-wise types: whether lower values are better (WER, EER)
 * @param threshold    {@code above}: d = a - threshold
 * @param rowA         row-wise types: {@code TABLE|row} of the method
 * @param rowB         row-wise types: {@code TABLE|row} of the baseline
 * @param metric       row-wise types: metric compared
 * @param columns      {@code count_better}: the columns compared
 * @param columnPrefix {@code majority_better}: every column starting with it
 * @param atLeast      {@code count_better}: how many columns must be better
 * @param informativeLimit {@code not_worse}, optional: b must be better than this (below it when lower is better) in
 *                     the mean over seeds, else a "reproduced" verdict becomes inconclusive: a baseline at the
 *                     metric's floor (WER near 100%) hardly gets worse, so "no worse" would hold vacuously
 * @param others       {@code best_of}: the cells a must beat; d = a - max(others)
 * @param added        null for the claims fixed on the set's date; else when and why a claim came later (it must say
 *                     which results had been seen by then)
 * @param overlappedOnly {@code majority_better}, optional: only the columns whose {@code overlapped} cell (of row_b)
 *                     is 1, the languages also in the pretraining corpus
 * @param paperD       optional: the paper's own d where its numbers are given only in its text (e.g. counts of
 *                     improved and regressed languages); {@code reading} says where they come from
 * @param reading      optional: how the paper's words were read where they allow more than one reading, and why
 */
public record Claim(String id, String source, String statement, Type type, String a, String b, String c, String e,
        Double tolerance, Boolean lowerIsBetter, Double threshold, String rowA, String rowB, String metric,
        List<String> columns, String columnPrefix, Integer atLeast, Double informativeLimit, List<String> others,
        String added, Boolean overlappedOnly, Double paperD, String reading) {

    /**
     * Whether this claim reads the cells of {@code metric} in {@code column} of {@code table}: through one of its cell
     * references (a, b, c, e, others) or, for a row-wise type, its rows' table, its metric and its columns (all of
     * them, a prefix, or a list).
     */
    public boolean reads(String table, String column, String metric) {
        List<String> refs = new java.util.ArrayList<>();
        java.util.stream.Stream.of(a, b, c, e).filter(java.util.Objects::nonNull).forEach(refs::add);
        if (others != null) {
            refs.addAll(others);
        }
        for (String ref : refs) {
            CellRef r = CellRef.parse(ref);
            if (r.table().equals(table) && r.column().equals(column) && r.metric().equals(metric)) {
                return true;
            }
        }
        if (rowA == null || !rowA.split("\\|", -1)[0].equals(table) || !metric.equals(this.metric)) {
            return false;
        }
        return columns != null ? columns.contains(column) : columnPrefix == null || column.startsWith(columnPrefix);
    }

    /** The rows of {@code table} this claim compares: its cell references' rows and its row-wise rows. */
    public java.util.Set<String> rowsRead(String table) {
        java.util.Set<String> out = new java.util.TreeSet<>();
        List<String> refs = new java.util.ArrayList<>();
        java.util.stream.Stream.of(a, b, c, e).filter(java.util.Objects::nonNull).forEach(refs::add);
        if (others != null) {
            refs.addAll(others);
        }
        refs.stream().map(CellRef::parse).filter(r -> r.table().equals(table)).forEach(r -> out.add(r.row()));
        for (String r : java.util.Arrays.asList(rowA, rowB)) {
            if (r != null && r.split("\\|", -1)[0].equals(table)) {
                out.add(r.substring(r.indexOf('|') + 1));
            }
        }
        return out;
    }

    /** The predicate families. */
    public enum Type {
        /** a > b: d = a - b. */
        greater,
        /** a < b: d = b - a. */
        less,
        /** a - b > c - e. */
        gain_greater,
        /** a is no worse than b by more than tolerance. */
        not_worse,
        /** a > threshold. */
        above,
        /** rowA beats rowB in at least atLeast of columns: d = count - atLeast + 0.5. */
        count_better,
        /** rowA beats rowB in more columns (by prefix) than it loses: d = wins - losses. */
        majority_better,
        /** a is the best of a and others: d = a - max(others). */
        best_of
    }

    /** Checks that the fields the type needs are present; throws naming the claim and the field. */
    void validate() {
        require(id != null && !id.isBlank(), "id");
        require(source != null && statement != null && type != null, "source, statement and type");
        switch (type) {
            case greater, less -> require(a != null && b != null, "a and b");
            case gain_greater -> require(a != null && b != null && c != null && e != null, "a, b, c and e");
            case not_worse -> require(a != null && b != null && tolerance != null && lowerIsBetter != null,
                    "a, b, tolerance and lower_is_better");
            case above -> require(a != null && threshold != null, "a and threshold");
            case count_better -> require(rowA != null && rowB != null && metric != null && columns != null
                    && atLeast != null && atLeast > 0 && atLeast <= columns.size(),
                    "row_a, row_b, metric, columns and 0 < at_least <= |columns|");
            case majority_better -> require(rowA != null && rowB != null && metric != null && columnPrefix != null,
                    "row_a, row_b, metric and column_prefix");
            case best_of -> require(a != null && others != null && !others.isEmpty(), "a and a non-empty others");
        }
        require(overlappedOnly == null || type == Type.majority_better, "overlapped_only only with majority_better");
        for (String ref : new String[] {a, b, c, e}) {
            if (ref != null) {
                CellRef.parse(ref);
            }
        }
        if (others != null) {
            others.forEach(CellRef::parse);
        }
    }

    private void require(boolean ok, String what) {
        if (!ok) {
            throw new IllegalArgumentException("claim " + id + " (" + type + ") needs " + what);
        }
    }

    boolean lowerBetter() {
        return Boolean.TRUE.equals(lowerIsBetter);
    }
}
