package org.masrrepro.harness.steps;

import org.masrrepro.datasets.metadata.Glottolog;
import org.masrrepro.datasets.metadata.Uriel;
import org.masrrepro.masr.encoders.GeographicEncoder;
import org.masrrepro.masr.encoders.MetadataEncoder;

import java.nio.charset.StandardCharsets;

/**
 * Encodes "speaker:ID@LANG" labels of analog corpora, which record no locations, as a point drawn (seeded by the
 * speaker id) uniformly within a radius of the language's Glottolog coordinates, on the unit sphere.
 */
final class SpeakerLocations implements MetadataEncoder {

    private final Glottolog glottolog;
    private final Uriel uriel;
    private final double jitterKm;
    private final GeographicEncoder sphere = new GeographicEncoder();

    SpeakerLocations(Glottolog glottolog, Uriel uriel, double jitterKm) {
        this.glottolog = glottolog;
        this.uriel = uriel;
        this.jitterKm = jitterKm;
    }

    @Override
    public String name() {
        return "speaker-location";
    }

    @Override
    public float[] encode(String label) {
        String speaker = label.substring("speaker:".length(), label.lastIndexOf('@'));
        String lang = label.substring(label.lastIndexOf('@') + 1);
        Glottolog.Location base = glottolog.location(uriel.iso3(lang));
        long h = 1125899906842597L;
        for (byte b : speaker.getBytes(StandardCharsets.UTF_8)) {
            h = 31 * h + b;
        }
        java.util.SplittableRandom r = new java.util.SplittableRandom(h);
        double dist = jitterKm * Math.sqrt(r.nextDouble()) / 6371.0; // uniform over the disc, in radians
        double bearing = r.nextDouble() * 2 * Math.PI;
        double lat1 = Math.toRadians(base.latitude());
        double lon1 = Math.toRadians(base.longitude());
        double lat2 = Math.asin(Math.sin(lat1) * Math.cos(dist) + Math.cos(lat1) * Math.sin(dist) * Math.cos(bearing));
        double lon2 = lon1 + Math.atan2(Math.sin(bearing) * Math.sin(dist) * Math.cos(lat1),
                Math.cos(dist) - Math.sin(lat1) * Math.sin(lat2));
        return sphere.encode(Math.toDegrees(lat2) + "," + Math.toDegrees(lon2));
    }
}
