package org.masrrepro.reports.paper;

/**
 * A quantitative statement of the paper's text.
 *
 * @param id        stable id
 * @param source    section or figure where the paper states it
 * @param statement the statement, paraphrased
 * @param value     the number the paper gives; NaN for a qualitative statement (listed so none is left out silently)
 * @param unit      its unit (%, % relative, points, languages...)
 * @param formula   how to compute ours from result cells (see {@link StatementFormula}); empty when our corpora
 *                  cannot give it
 * @param note      how the paper's words were read, where its text and its own tables disagree, or why ours cannot
 *                  be computed; empty when there is nothing to say
 */
public record PaperStatement(String id, String source, String statement, double value, String unit, String formula,
        String note) {}
