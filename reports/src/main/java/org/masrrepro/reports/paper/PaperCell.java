package org.masrrepro.reports.paper;

/** One number of the paper: table, row, column, metric, value, and where it was transcribed from. */
public record PaperCell(String table, String row, String column, String metric, double value, String source) {}
