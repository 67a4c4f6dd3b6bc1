package org.masrrepro.reports.metrics;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CloseGroupsTest {

    @Test
    void countsCorrectAndWithinGroupConfusionsOverPresentMembers() {
        List<String> classes = List.of("bs", "hr", "de", "sv");
        int[][] confusion = {
            {6, 3, 1, 0}, // bs: 6 right, 3 as hr (within), 1 as de
            {2, 8, 0, 0}, // hr: 8 right, 2 as bs
            {0, 0, 5, 5},
            {0, 0, 0, 10}};
        Map<String, CloseGroups.GroupAccuracy> r = CloseGroups.evaluate(confusion, classes, CloseGroups.PAPER);
        assertEquals(List.of("Serbo-Croatian"), List.copyOf(r.keySet()), "groups with one present member are skipped");
        CloseGroups.GroupAccuracy g = r.get("Serbo-Croatian");
        assertEquals(List.of("bs", "hr"), g.languages());
        assertEquals(20, g.utterances());
        assertEquals(70.0, g.accuracy(), 1e-9);
        assertEquals(25.0, g.confusedWithinGroup(), 1e-9);
    }
}
