package org.masrrepro.harness.spec;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads experiment specs from a directory of JSON files and resolves them by merging, least specific first: the
 * global profile layer {@code profiles/<profile>.json}, the {@code extends} chain (base first; a list of bases and
 * {@code fragments/} is applied in its order), the chain's own
 * {@code "profiles": {"<profile>": {...}}} sections, then command-line overrides. The result is bound strictly to
 * {@link ExperimentSpec}.
 */
public final class SpecLoader {

    /** Sub-directory of the specs root holding the global profile layers. */
    public static final String PROFILES_DIR = "profiles";

    /** Sub-directory of the specs root holding fragments (shared parts of specs, e.g. a corpus block). */
    public static final String FRAGMENTS_DIR = "fragments";

    private final Path root;

    public SpecLoader(Path specsRoot) {
        if (!Files.isDirectory(specsRoot)) {
            throw new IllegalArgumentException("specs directory not found: " + specsRoot.toAbsolutePath()
                    + " (run from the repository root or pass --specs DIR)");
        }
        this.root = specsRoot;
    }

    public Path root() {
        return root;
    }

    /** Ids of every experiment spec under the root (profile layers and fragments excluded), sorted. */
    public List<String> ids() {
        return jsonIds().filter(id -> !id.startsWith(PROFILES_DIR + "/") && !id.startsWith(FRAGMENTS_DIR + "/"))
                .toList();
    }

    /** Ids of the fragments: partial specs that experiment specs list in {@code extends}, never run alone. */
    public List<String> fragmentIds() {
        return jsonIds().filter(id -> id.startsWith(FRAGMENTS_DIR + "/")).toList();
    }

    private Stream<String> jsonIds() {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> p.toString().endsWith(".json")).map(this::idOf).sorted().toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file of a spec given by id ({@code table1/bestrq-fleurs}) or by path. */
    public Path fileOf(String idOrPath) {
        Path asPath = Path.of(idOrPath);
        if (idOrPath.endsWith(".json") && Files.isRegularFile(asPath)) {
            return asPath;
        }
        Path f = root.resolve(idOrPath.endsWith(".json") ? idOrPath : idOrPath + ".json");
        if (!Files.isRegularFile(f)) {
            throw new SpecException(idOrPath, "$", "no such spec; known ids: " + ids());
        }
        return f;
    }

    public String idOf(Path file) {
        Path rel = root.toAbsolutePath().normalize().relativize(file.toAbsolutePath().normalize());
        String s = rel.toString().replace('\\', '/');
        return s.substring(0, s.length() - ".json".length());
    }

    /** Resolves and validates a spec under a profile, with an optional root-seed override. */
    public ExperimentSpec load(String idOrPath, Profile profile, Long seedOverride) {
        Resolved r = resolve(idOrPath, profile, seedOverride);
        try {
            return new SpecBinder(r.file()).bind(r.json(), ExperimentSpec.class, "$");
        } catch (SpecException e) {
            // Name the layer that set the offending field, so the user edits the right file.
            String origin = r.originOf(e.jsonPath(), e.problem());
            throw new SpecException(origin, e.jsonPath(),
                    e.problem() + (origin.equals(r.file()) ? "" : " (resolving " + r.file() + ")"));
        }
    }

    /** The resolved JSON and the layers it came from. */
    public Resolved resolve(String idOrPath, Profile profile, Long seedOverride) {
        Path file = fileOf(idOrPath);
        String id = idOf(file);
        if (id.startsWith(FRAGMENTS_DIR + "/") || id.startsWith(PROFILES_DIR + "/")) {
            throw new SpecException(rel(file), "$", "\"" + id + "\" is a " + (id.startsWith(FRAGMENTS_DIR) ? "fragment"
                    : "profile layer") + ", not an experiment: list it in a spec's \"extends\" instead (masr list shows the experiments)");
        }
        // Order, least to most specific: the global profile layer (sizes shared by all specs), the extends chain
        // (base first), the chain's own "profiles.<profile>" sections, then the command line.
        List<Layer> layers = new ArrayList<>();
        Path profileFile = root.resolve(PROFILES_DIR).resolve(profile.id() + ".json");
        if (Files.isRegularFile(profileFile)) {
            layers.add(new Layer(rel(profileFile), read(profileFile)));
        }
        List<Layer> chain = new ArrayList<>();
        chain(file, new LinkedHashSet<>(), new LinkedHashSet<>(), chain);
        layers.addAll(chain);
        for (Layer l : chain) {
            JsonElement p = l.json().has("profiles") ? l.json().getAsJsonObject("profiles").get(profile.id()) : null;
            if (p != null) {
                layers.add(new Layer(l.source() + " (profiles." + profile.id() + ")", p.getAsJsonObject()));
            }
        }
        JsonObject merged = new JsonObject();
        for (Layer l : layers) {
            merged = JsonMerge.merge(merged, l.json());
        }
        merged.remove("profiles");
        merged.remove("extends");
        if (merged.has("id") && !merged.get("id").getAsString().equals(id)) {
            throw new SpecException(rel(file), "$.id", "found \"" + merged.get("id").getAsString()
                    + "\" but the file's id is \"" + id + "\" (ids are paths under " + root + ")");
        }
        merged.add("id", new JsonPrimitive(id));
        if (seedOverride != null) {
            JsonObject cli = new JsonObject();
            cli.addProperty("seed", seedOverride);
            layers.add(new Layer("--seed", cli));
            merged = JsonMerge.merge(merged, cli);
        }
        return new Resolved(rel(file), merged, List.copyOf(layers));
    }

    /**
     * Appends the layers of {@code file}, bases first. {@code stack} holds the files being resolved (a repeat is a
     * cycle); {@code seen} every file already applied: a base reached twice through an extends list (a diamond) is
     * refused, since applying it again would silently undo the overrides of the entries between.
     */
    private void chain(Path file, Set<Path> stack, Set<Path> seen, List<Layer> out) {
        Path norm = file.toAbsolutePath().normalize();
        if (stack.contains(norm)) {
            throw new SpecException(rel(file), "$.extends", "cycle in extends: " + stack.stream().map(this::rel).toList());
        }
        if (!seen.add(norm)) {
            throw new SpecException(rel(file), "$.extends", idOf(norm) + " is reached twice through an extends list; "
                    + "list each base once (a fragment should not extend a spec that another entry already extends)");
        }
        stack.add(norm);
        JsonObject json = read(file);
        JsonElement ext = json.get("extends");
        if (ext != null) {
            // One base id, or a list applied in order (later entries override earlier ones), e.g. a row's FLEURS
            // spec then a fragment with the Dhvani columns' corpus.
            List<JsonElement> bases = new ArrayList<>();
            if (ext.isJsonArray() && ext.getAsJsonArray().size() > 0) {
                ext.getAsJsonArray().forEach(bases::add);
            } else {
                bases.add(ext);
            }
            for (int i = 0; i < bases.size(); i++) {
                JsonElement b = bases.get(i);
                String where = ext.isJsonArray() ? "$.extends[" + i + "]" : "$.extends";
                if (!b.isJsonPrimitive() || !b.getAsJsonPrimitive().isString()) {
                    throw new SpecException(rel(file), where, "expected a spec or fragment id string (or a non-empty "
                            + "list of them), found " + SpecBinder.describe(b));
                }
                Path base = root.resolve(b.getAsString() + ".json");
                if (!Files.isRegularFile(base)) {
                    throw new SpecException(rel(file), where, "found \"" + b.getAsString() + "\"; no such spec or "
                            + "fragment; known ids: " + ids() + ", fragments: " + fragmentIds());
                }
                chain(base, stack, seen, out);
            }
        }
        JsonElement profiles = json.get("profiles");
        if (profiles != null) {
            if (!profiles.isJsonObject()) {
                throw new SpecException(rel(file), "$.profiles", "expected an object keyed by profile, found " + SpecBinder.describe(profiles));
            }
            for (Map.Entry<String, JsonElement> e : profiles.getAsJsonObject().entrySet()) {
                try {
                    Profile.parse(e.getKey());
                } catch (IllegalArgumentException ex) {
                    throw new SpecException(rel(file), "$.profiles." + e.getKey(), ex.getMessage());
                }
                if (!e.getValue().isJsonObject()) {
                    throw new SpecException(rel(file), "$.profiles." + e.getKey(), "expected an object of overrides");
                }
            }
        }
        stack.remove(norm);
        out.add(new Layer(rel(file), json));
    }

    private JsonObject read(Path file) {
        try {
            JsonElement e = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8));
            if (!e.isJsonObject()) {
                throw new SpecException(rel(file), "$", "expected a JSON object, found " + SpecBinder.describe(e));
            }
            return e.getAsJsonObject();
        } catch (JsonParseException e) {
            throw new SpecException(rel(file), "$", "not valid JSON: " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("reading spec " + file, e);
        }
    }

    /** A path relative to the repository (two levels above {@code harness/specs}) when inside it. */
    private String rel(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        Path repo = root.toAbsolutePath().normalize().getParent();
        repo = repo == null ? null : repo.getParent();
        return repo != null && abs.startsWith(repo) ? repo.relativize(abs).toString() : abs.toString();
    }

    /** One override layer and where it came from. */
    public record Layer(String source, JsonObject json) {}

    /** A spec's merged JSON and its layers, base first. */
    public record Resolved(String file, JsonObject json, List<Layer> layers) {

        /**
         * The last layer that sets the given JSON path (or its nearest parent), for error messages. A record-level
         * problem ("model_dim 144 must be divisible by num_heads 3") is traced to the last layer that set one of the
         * fields it names.
         */
        public String originOf(String jsonPath, String problem) {
            List<String> segments = new ArrayList<>();
            for (String s : jsonPath.replaceAll("\\[\\d+]", "").split("\\.")) {
                if (!s.equals("$") && !s.isEmpty()) {
                    segments.add(s);
                }
            }
            String best = null;
            int bestLayer = -1;
            for (String word : problem.split("[^a-z0-9_]+")) {
                List<String> field = new ArrayList<>(segments);
                field.add(word);
                for (int i = layers.size() - 1; i > bestLayer; i--) {
                    if (!word.isEmpty() && has(layers.get(i).json(), field)) {
                        best = layers.get(i).source();
                        bestLayer = i;
                        break;
                    }
                }
            }
            if (best != null) {
                return best;
            }
            for (int depth = segments.size(); depth > 0; depth--) {
                for (int i = layers.size() - 1; i >= 0; i--) {
                    if (has(layers.get(i).json(), segments.subList(0, depth))) {
                        return layers.get(i).source();
                    }
                }
            }
            return file;
        }

        private static boolean has(JsonObject o, List<String> path) {
            JsonElement cur = o;
            for (String s : path) {
                if (cur == null || !cur.isJsonObject() || !cur.getAsJsonObject().has(s)) {
                    return false;
                }
                cur = cur.getAsJsonObject().get(s);
            }
            return true;
        }
    }
}
