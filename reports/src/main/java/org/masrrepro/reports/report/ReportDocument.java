package org.masrrepro.reports.report;

import org.masrrepro.reports.tables.ComparisonTable;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Builds one page twice, as Markdown and as standalone HTML (opened from disk, no scripts, no network). */
public final class ReportDocument {

    private final StringBuilder md = new StringBuilder();
    private final StringBuilder html = new StringBuilder();
    private final String title;

    public ReportDocument(String title) {
        this.title = title;
        md.append("# ").append(ComparisonTable.md(title)).append("\n\n");
        html.append("<h1>").append(esc(title)).append("</h1>\n");
    }

    private static String esc(String s) {
        return ComparisonTable.esc(s);
    }

    /**
     * A section heading (level 2 or 3) with an anchor id. The Markdown twin carries the id as an HTML anchor before the
     * heading: renderers derive heading ids from the text, so the contents' {@code #anchor} links would find nothing.
     */
    public ReportDocument heading(int level, String text, String anchor) {
        md.append("<a id=\"").append(esc(anchor)).append("\"></a>\n\n");
        md.append("#".repeat(level)).append(' ').append(ComparisonTable.md(text)).append("\n\n");
        html.append("<h").append(level).append(" id=\"").append(esc(anchor)).append("\">").append(esc(text))
                .append("</h").append(level).append(">\n");
        return this;
    }

    public ReportDocument paragraph(String text) {
        md.append(text).append("\n\n");
        html.append("<p>").append(esc(text)).append("</p>\n");
        return this;
    }

    /** Links as a bullet list: each entry is {text, href}. */
    public ReportDocument links(List<String[]> entries) {
        html.append("<ul>\n");
        for (String[] e : entries) {
            md.append("- [").append(ComparisonTable.md(e[0])).append("](").append(e[1]).append(")\n");
            html.append("<li><a href=\"").append(esc(e[1])).append("\">").append(esc(e[0])).append("</a></li>\n");
        }
        md.append('\n');
        html.append("</ul>\n");
        return this;
    }

    /** A plain table; each {@code [text](href)} in a cell becomes a link in both renderings. */
    public ReportDocument table(List<String> header, List<List<String>> rows) {
        md.append('|');
        header.forEach(h -> md.append(' ').append(ComparisonTable.md(h)).append(" |"));
        md.append("\n|").append("---|".repeat(header.size())).append('\n');
        html.append("<table>\n<tr>");
        header.forEach(h -> html.append("<th>").append(esc(h)).append("</th>"));
        html.append("</tr>\n");
        for (List<String> r : rows) {
            md.append('|');
            html.append("<tr>");
            for (String c : r) {
                md.append(' ').append(c.matches("\\[[^]]*]\\([^)]*\\)") ? c : ComparisonTable.md(c)).append(" |");
                html.append("<td>").append(linkHtml(c)).append("</td>");
            }
            md.append('\n');
            html.append("</tr>\n");
        }
        md.append('\n');
        html.append("</table>\n");
        return this;
    }

    private static final java.util.regex.Pattern LINK = java.util.regex.Pattern.compile("\\[([^]]*)]\\(([^)]*)\\)");

    /** The cell as HTML: every {@code [text](href)} in it a link, the rest escaped. */
    private static String linkHtml(String cell) {
        java.util.regex.Matcher m = LINK.matcher(cell);
        StringBuilder sb = new StringBuilder();
        int at = 0;
        while (m.find()) {
            sb.append(esc(cell.substring(at, m.start()))).append("<a href=\"").append(esc(m.group(2))).append("\">")
                    .append(esc(m.group(1))).append("</a>");
            at = m.end();
        }
        return sb.append(esc(cell.substring(at))).toString();
    }

    /** A comparison table (ours | paper | Δ), with its title and caption. */
    public ReportDocument comparison(ComparisonTable t) {
        md.append(t.toMarkdown()).append('\n');
        html.append("<p><b>").append(esc(t.title())).append("</b> — ").append(esc(t.caption())).append("</p>\n")
                .append(t.toHtmlTable());
        return this;
    }

    /** An image (path relative to the page). */
    public ReportDocument image(String relPath, String alt) {
        md.append("![").append(ComparisonTable.md(alt)).append("](").append(relPath).append(")\n\n");
        html.append("<p><img src=\"").append(esc(relPath)).append("\" alt=\"").append(esc(alt)).append("\"></p>\n");
        return this;
    }

    /** Preformatted text (e.g. a corpus card) shown as is. */
    public ReportDocument preformatted(String text) {
        md.append("```\n").append(text.replace("```", "'''")).append("\n```\n\n");
        html.append("<pre>").append(esc(text)).append("</pre>\n");
        return this;
    }

    public String markdown() {
        return md.toString();
    }

    public String html() {
        return "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" + esc(title) + "</title><style>"
                + ComparisonTable.CSS + "</style></head><body>\n" + html + "</body></html>\n";
    }

    /** Writes {@code <stem>.md} and {@code <stem>.html} in {@code dir}. */
    public void write(Path dir, String mdName, String htmlName) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(mdName), markdown(), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(htmlName), html(), StandardCharsets.UTF_8);
    }
}
