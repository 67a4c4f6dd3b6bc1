package org.masrrepro.reports.claims;

import com.google.gson.FieldNamingPolicy;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The paper's claims as predicates ({@code claims.json}), with the date they were fixed and the confidence level.
 * They were written before any multi-seed result existed and are never tuned to pass.
 */
public record ClaimSet(String fixedOn, double confidence, List<Claim> claims) {

    static final Gson GSON = new GsonBuilder().setFieldNamingPolicy(FieldNamingPolicy.LOWER_CASE_WITH_UNDERSCORES)
            .create();

    /** The bundled claims. */
    public static ClaimSet load() {
        try (InputStream in = ClaimSet.class.getResourceAsStream("claims.json")) {
            if (in == null) {
                throw new IllegalStateException("claims.json is missing from the reports jar");
            }
            return parse(new InputStreamReader(in, StandardCharsets.UTF_8), "claims.json");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses and validates; errors name the source and the claim. */
    public static ClaimSet parse(Reader json, String origin) {
        ClaimSet set;
        try {
            set = GSON.fromJson(json, ClaimSet.class);
        } catch (JsonParseException e) {
            throw new IllegalArgumentException(origin + ": " + e.getMessage(), e);
        }
        if (set == null || set.claims() == null || set.claims().isEmpty()) {
            throw new IllegalArgumentException(origin + ": no claims");
        }
        if (!(set.confidence() > 0 && set.confidence() < 1)) {
            throw new IllegalArgumentException(origin + ": confidence must be in (0, 1), found " + set.confidence());
        }
        Set<String> ids = new HashSet<>();
        for (Claim c : set.claims()) {
            try {
                c.validate();
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(origin + ": " + e.getMessage(), e);
            }
            if (!ids.add(c.id())) {
                throw new IllegalArgumentException(origin + ": duplicate claim id " + c.id());
            }
        }
        return set;
    }
}
