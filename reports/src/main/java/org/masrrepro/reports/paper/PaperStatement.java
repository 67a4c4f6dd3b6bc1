package org.masrrepro.reports.paper;

/**
 * A quantitative statement of the paper's text.
 *
 * @param id        stable id
 * @param source    section or figure where the paper states it
 * @param statement the statement, paraphrased
 * @param value     the number the paper gives
 * @param unit      its unit (%, % relative, points, languages...)
 * @param formula   how to compute ours from result cells (see {@link StatementFormula}); empty when our corpora
 *                  cannot give it
 */
public record PaperStatement(String id, String source, String statement, double value, String unit, String formula) {}
