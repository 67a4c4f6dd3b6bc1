package org.masrrepro.reports.report;

import com.google.gson.Gson;
import org.masrrepro.reports.results.StrictJson;
import org.masrrepro.reports.claims.ClaimResult;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes evaluated claims as JSON for tools (verdicts, per-seed statistics, intervals). */
final class ClaimsJson {

    private static final Gson GSON = StrictJson.builder().create();

    private ClaimsJson() {}

    static void write(Path file, List<ClaimResult> claims) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, GSON.toJson(claims) + "\n", StandardCharsets.UTF_8);
    }
}
