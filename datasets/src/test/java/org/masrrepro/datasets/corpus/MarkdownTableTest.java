package org.masrrepro.datasets.corpus;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Card tables keep a column when any row has a value in it, and only then. */
class MarkdownTableTest {

    @Test
    void columnsEmptyInEveryRowAreLeftOut() {
        String t = new MarkdownTable("speaker", "pitch", "gender", "n").row("a", null, "f", 3).row("b", " ", "", 1).render();
        assertEquals("""
                | speaker | gender | n |
                | --- | --- | --- |
                | a | f | 3 |
                | b |  | 1 |
                """, t);
        assertEquals("| x | y |\n| --- | --- |\n", new MarkdownTable("x", "y").render(), "no rows: every header stays");
        assertThrows(IllegalArgumentException.class, () -> new MarkdownTable("x", "y").row("only one"));
    }
}
