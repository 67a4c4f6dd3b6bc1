package org.masrrepro.datasets.metadata;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * A synthetic speaker's location: a point drawn uniformly over the disc of radius {@code jitterKm} around the
 * language's coordinates, seeded by the speaker id alone (the corpus manifest and the harness's encoder agree).
 */
public final class SpeakerLocation {

    private static final double EARTH_RADIUS_KM = 6371.0;

    private SpeakerLocation() {}

    /** The location of {@code speakerId}, near {@code base}. */
    public static Glottolog.Location near(Glottolog.Location base, String speakerId, double jitterKm) {
        if (!(jitterKm >= 0)) {
            throw new IllegalArgumentException("jitterKm must be >= 0, found " + jitterKm);
        }
        long h = 1125899906842597L;
        for (byte b : speakerId.getBytes(StandardCharsets.UTF_8)) {
            h = 31 * h + b;
        }
        SplittableRandom r = new SplittableRandom(h);
        double dist = jitterKm * Math.sqrt(r.nextDouble()) / EARTH_RADIUS_KM; // uniform over the disc, in radians
        double bearing = r.nextDouble() * 2 * Math.PI;
        double lat1 = Math.toRadians(base.latitude());
        double lon1 = Math.toRadians(base.longitude());
        double lat2 = Math.asin(Math.sin(lat1) * Math.cos(dist) + Math.cos(lat1) * Math.sin(dist) * Math.cos(bearing));
        double lon2 = lon1 + Math.atan2(Math.sin(bearing) * Math.sin(dist) * Math.cos(lat1),
                Math.cos(dist) - Math.sin(lat1) * Math.sin(lat2));
        double lon = Math.toDegrees(lon2);
        lon = ((lon + 540) % 360) - 180; // wrap to [-180, 180)
        return new Glottolog.Location(Math.toDegrees(lat2), lon);
    }
}
