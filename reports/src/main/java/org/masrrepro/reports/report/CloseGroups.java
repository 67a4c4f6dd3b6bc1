package org.masrrepro.reports.report;

import java.util.List;

/** Groups of closely related languages whose confusions the paper discusses (Figure 4, sections 6.2-6.4). */
public final class CloseGroups {

    /**
     * Figure 4 (bs/sr/hr) first, then the pairs the text names; a group is shown when the corpus has all of it.
     * Norwegian is {@code nb}, FLEURS' code (Bokmal), which the paper's "no" means. The sv/nb pair stands alone too,
     * for corpora without Danish (the smoke profile's).
     */
    public static final List<List<String>> ALL = List.of(List.of("bs", "sr", "hr"), List.of("sv", "nb", "da"),
            List.of("sv", "nb"), List.of("ja", "ko"), List.of("id", "ms"), List.of("fil", "id"), List.of("gl", "ast"),
            List.of("de", "lb"), List.of("cs", "sk"), List.of("ru", "uk"), List.of("ca", "es", "pt"),
            List.of("kk", "uz"), List.of("ka", "hy"), List.of("is", "nb"));

    private CloseGroups() {}
}
