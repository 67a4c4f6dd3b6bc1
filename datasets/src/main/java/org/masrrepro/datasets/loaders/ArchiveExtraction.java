package org.masrrepro.datasets.loaders;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import org.masrrepro.datasets.util.AtomicFiles;
import org.masrrepro.datasets.util.Hashes;
import org.masrrepro.datasets.util.ProgressListener;
import org.masrrepro.datasets.util.TarGz;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Extracts the files a corpus lists from one of its {@code .tar.gz} archives into a directory the caller owns (never
 * into the corpus), flat by file name, once. The files go to a {@code .partial} sibling first; a marker naming the
 * archive (path, size, modification time) and the listed names is written last and the directory is then renamed into
 * place, so an interrupted extraction is never taken for a finished one. A later call with the same archive and names
 * reuses the directory; a changed archive or list is extracted again.
 */
final class ArchiveExtraction {

    /** Written last inside an extracted directory; hidden, so the loaders' listings skip it. */
    static final String MARKER = ".extracted.json";

    private ArchiveExtraction() {}

    /**
     * What one extraction gave.
     *
     * @param dir     the directory holding the extracted files
     * @param files   files extracted (or found extracted earlier)
     * @param missing listed names the archive does not hold (sorted); their rows then fail or are skipped as bad files
     * @param reused  true when an earlier, finished extraction was used as it was
     */
    record Result(Path dir, int files, List<String> missing, boolean reused) {}

    /** The files of {@code archive} whose base name is in {@code wanted}, in {@code target}. */
    static Result extract(Path archive, Path target, Set<String> wanted, ProgressListener progress, String phase)
            throws IOException {
        JsonObject identity = identity(archive, wanted);
        JsonObject done = marker(target);
        if (done != null && done.get("archive").equals(identity)) {
            List<String> missing = new ArrayList<>();
            done.getAsJsonArray("missing").forEach(m -> missing.add(m.getAsString()));
            return new Result(target, done.get("files").getAsInt(), missing, true);
        }
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        AtomicFiles.deleteRecursively(partial);
        AtomicFiles.deleteRecursively(target); // unfinished or made from another archive: stale
        Files.createDirectories(partial);
        Set<String> extracted = new HashSet<>();
        TarGz.forEachFile(archive, (name, size, data) -> {
            String base = name.substring(name.lastIndexOf('/') + 1);
            if (!wanted.contains(base)) {
                return;
            }
            if (!extracted.add(base)) {
                throw new IOException(archive + ": holds two files named " + base + " (" + name + "); cannot tell "
                        + "which one the listing means");
            }
            Files.copy(data, partial.resolve(base));
            if (extracted.size() % 500 == 0) {
                progress.onProgress(phase, extracted.size(), wanted.size(), Double.NaN, Double.NaN);
            }
        });
        progress.onProgress(phase, extracted.size(), wanted.size(), Double.NaN, Double.NaN);
        List<String> missing = new ArrayList<>(new TreeSet<>(wanted));
        missing.removeAll(extracted);
        JsonObject m = new JsonObject();
        m.add("archive", identity);
        m.addProperty("files", extracted.size());
        m.add("missing", new Gson().toJsonTree(missing));
        AtomicFiles.writeString(partial.resolve(MARKER), new Gson().toJson(m) + "\n");
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        return new Result(target, extracted.size(), missing, false);
    }

    /** The archive as it is now (path, size, modification time) and the names asked for. */
    private static JsonObject identity(Path archive, Set<String> wanted) throws IOException {
        BasicFileAttributes a = Files.readAttributes(archive, BasicFileAttributes.class);
        JsonObject o = new JsonObject();
        o.addProperty("path", archive.toAbsolutePath().normalize().toString());
        o.addProperty("bytes", a.size());
        o.addProperty("modified_ms", a.lastModifiedTime().toMillis());
        o.addProperty("names_sha256", Hashes.sha256(String.join("\n", new TreeSet<>(wanted))
                .getBytes(StandardCharsets.UTF_8)));
        return o;
    }

    /** The marker of a finished extraction in {@code dir}, or null (none, or unreadable: extract again). */
    private static JsonObject marker(Path dir) throws IOException {
        Path f = dir.resolve(MARKER);
        if (!Files.isRegularFile(f)) {
            return null;
        }
        try {
            JsonObject o = JsonParser.parseString(Files.readString(f)).getAsJsonObject();
            return o.has("archive") && o.has("files") && o.has("missing") ? o : null;
        } catch (JsonParseException | IllegalStateException e) {
            return null;
        }
    }
}
