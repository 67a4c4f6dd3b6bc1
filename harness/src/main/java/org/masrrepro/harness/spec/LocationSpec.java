package org.masrrepro.harness.spec;

/**
 * Speaker location (section 7.1, Geo-MASR): latitude/longitude on the unit sphere, so cosine mining ranks
 * neighbours by haversine distance. The offline analogs record no locations: each speaker is placed at a seeded
 * random point within {@code jitter_km} of its language's Glottolog coordinates.
 */
@TypeName("location")
public record LocationSpec(
        @Doc("radius around the language's Glottolog point where analog speakers are placed, km") double jitterKm)
        implements MetaEncoderSpec {

    public LocationSpec {
        Check.range("jitter_km", jitterKm, 0, 5000);
    }
}
