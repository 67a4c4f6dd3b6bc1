package org.masrrepro.harness.steps;

import org.masrrepro.datasets.metadata.Glottolog;
import org.masrrepro.datasets.metadata.SpeakerLocation;
import org.masrrepro.datasets.metadata.Uriel;
import org.masrrepro.masr.encoders.GeographicEncoder;
import org.masrrepro.masr.encoders.MetadataEncoder;

/**
 * Encodes "speaker:ID@LANG" labels of analog corpora as a point drawn (seeded by the speaker id) uniformly within a
 * radius of the language's Glottolog coordinates, on the unit sphere: the same point FLEURS analog manifests record
 * when built with the same radius ({@link SpeakerLocation}).
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
        Glottolog.Location at = SpeakerLocation.near(glottolog.location(uriel.iso3(lang)), speaker, jitterKm);
        return sphere.encode(at.latitude() + "," + at.longitude());
    }
}
