package org.masrrepro.masr.encoders;

import org.masrrepro.datasets.metadata.Glottolog;
import org.masrrepro.datasets.metadata.Uriel;

/**
 * A location as the unit vector (x, y, z) on the sphere. The cosine of two such vectors is the cosine of their
 * central angle, so cosine-distance mining ranks neighbours exactly as the haversine (great-circle) distance does.
 * For languages the location is Glottolog's (lang2vec's own geographic file is not available); for speakers it is
 * a "latitude,longitude" label.
 */
public final class GeographicEncoder implements MetadataEncoder {

    private final Glottolog glottolog;
    private final Uriel uriel;

    /** Encodes language codes through Glottolog coordinates. */
    public GeographicEncoder(Glottolog glottolog, Uriel uriel) {
        this.glottolog = glottolog;
        this.uriel = uriel;
    }

    /** Encodes "latitude,longitude" labels directly. */
    public GeographicEncoder() {
        this(null, null);
    }

    @Override
    public String name() {
        return glottolog == null ? "location" : "lang2vec-geographic";
    }

    @Override
    public float[] encode(String label) {
        Glottolog.Location l;
        if (glottolog == null) {
            String[] f = label.split(",");
            l = new Glottolog.Location(Double.parseDouble(f[0].trim()), Double.parseDouble(f[1].trim()));
        } else {
            l = glottolog.location(uriel.iso3(label));
        }
        double lat = Math.toRadians(l.latitude());
        double lon = Math.toRadians(l.longitude());
        return new float[] {(float) (Math.cos(lat) * Math.cos(lon)), (float) (Math.cos(lat) * Math.sin(lon)),
            (float) Math.sin(lat)};
    }
}
