package org.masrrepro.harness.spec;

import java.util.List;

/**
 * A language's lang2vec vector (Figure 2's families): syntactic (syntax_knn), phonetic (phonology_knn), inventory
 * (inventory_knn), genetic (family-tree membership), featural (syntactic + phonetic + inventory), or geographic
 * (Glottolog coordinates on the unit sphere). Compared by cosine distance.
 */
@TypeName("lang2vec")
public record Lang2VecSpec(
        @Doc("syntactic, geographic, phonetic, featural, genetic or inventory") String family) implements MetaEncoderSpec {

    public static final List<String> FAMILIES = List.of("syntactic", "geographic", "phonetic", "featural", "genetic",
            "inventory");

    public Lang2VecSpec {
        Check.oneOf("family", family, FAMILIES);
    }
}
