package org.masrrepro.datasets.metadata;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Language coordinates from Glottolog's {@code languages.csv} (CC BY 4.0), by ISO 639-3 code. */
public final class Glottolog {

    /** Latitude and longitude in degrees. */
    public record Location(double latitude, double longitude) {}

    private final Map<String, Location> byIso = new HashMap<>();

    private Glottolog() {}

    public static Glottolog open(Path dir) throws IOException {
        Path csv = dir.resolve("languages.csv");
        if (!Files.isRegularFile(csv)) {
            throw new IOException(csv + " is missing: point the data directory at a copy of Glottolog's languages.csv "
                    + "(tests and CI use ../shared/data/glottolog)");
        }
        Glottolog g = new Glottolog();
        try (Reader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
                CSVParser p = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build().parse(r)) {
            for (CSVRecord rec : p) {
                String iso = rec.get("ISO639P3code");
                String lat = rec.get("Latitude");
                String lon = rec.get("Longitude");
                if (!iso.isEmpty() && !lat.isEmpty() && !lon.isEmpty()) {
                    g.byIso.putIfAbsent(iso, new Location(Double.parseDouble(lat), Double.parseDouble(lon)));
                }
            }
        }
        return g;
    }

    /**
     * ISO 639-3 macrolanguages (what ISO 639-1 codes map to) that Glottolog places only through an individual
     * language: the one FLEURS and the gettext catalogues mean (Standard Arabic, Western Farsi, Standard Malay...).
     */
    static final Map<String, String> MACROLANGUAGE = Map.of("ara", "arb", "aze", "azj", "est", "ekk", "fas", "pes",
            "msa", "zsm", "ori", "ory", "zho", "cmn", "lav", "lvs", "nep", "npi", "uzb", "uzn");

    /** Location of an ISO 639-3 language (a macrolanguage falls back to its main member); throws naming the code when Glottolog has none. */
    public Location location(String iso3) {
        Location l = byIso.get(iso3);
        if (l == null && MACROLANGUAGE.containsKey(iso3)) {
            l = byIso.get(MACROLANGUAGE.get(iso3));
        }
        if (l == null) {
            throw new IllegalArgumentException("Glottolog has no coordinates for ISO 639-3 \"" + iso3 + "\"");
        }
        return l;
    }

    /** Great-circle distance in km (haversine, mean Earth radius 6371 km). */
    public static double haversineKm(Location a, Location b) {
        double p1 = Math.toRadians(a.latitude());
        double p2 = Math.toRadians(b.latitude());
        double dp = p2 - p1;
        double dl = Math.toRadians(b.longitude() - a.longitude());
        double h = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
    }
}
