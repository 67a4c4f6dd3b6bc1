package org.masrrepro.harness.spec;

/** Text content (section 7.1): average of a fixed random character-embedding matrix over the transcript. */
@TypeName("char-embedding")
public record CharEmbeddingSpec(
        @Doc("embedding width") int dim,
        @Doc("rows of the hashed character table") int rows) implements MetaEncoderSpec {

    public CharEmbeddingSpec {
        Check.positive("dim", dim);
        Check.positive("rows", rows);
    }
}
