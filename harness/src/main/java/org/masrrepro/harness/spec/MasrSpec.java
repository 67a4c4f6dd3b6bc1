package org.masrrepro.harness.spec;

import java.util.List;

/**
 * One MASR metadata stream j (section 3): projection q = delta(h), fixed encoding e, p = [q; alpha e]; hard triplets
 * mined on p ("combined") or on e alone ("selection"); the hinge on q.
 */
@TypeName("masr")
public record MasrSpec(
        @Doc("labels defining positives: language, transcript or location (speaker)") String stream,
        @Doc("fixed metadata encoder pi_j") MetaEncoderSpec encoder,
        @Doc("combined: mine on p = [q; alpha e]; selection: mine on e alone (Figure 2)") String mining,
        @Doc("weight of e against q in p (eq. 1)") double alpha,
        @Doc("weight of this loss in L (eq. 4); the paper uses 16 for language") double lambda,
        @Doc("triplet margin gamma (cosine distance)") double margin,
        @Doc("width of the projection q") int projectionDim) implements AuxSpec {

    public MasrSpec {
        Check.oneOf("stream", stream, List.of("language", "transcript", "location"));
        Check.oneOf("mining", mining, List.of("combined", "selection"));
        Check.range("alpha", alpha, 0, 1000);
        Check.positive("lambda", lambda);
        Check.range("margin", margin, 0, 2);
        Check.positive("projection_dim", projectionDim);
        Check.that(!(encoder instanceof Lang2VecSpec) || stream.equals("language"),
                "a lang2vec encoder needs stream \"language\", found \"" + stream + "\"");
        Check.that(!(encoder instanceof LocationSpec) || stream.equals("location"),
                "a location encoder needs stream \"location\", found \"" + stream + "\"");
        Check.that(!(encoder instanceof CharEmbeddingSpec) || stream.equals("transcript"),
                "a char-embedding encoder needs stream \"transcript\", found \"" + stream + "\"");
    }
}
