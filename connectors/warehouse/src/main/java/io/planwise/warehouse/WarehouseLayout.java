package io.planwise.warehouse;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Where everything lives under one warehouse root. See {@link ManifestStore} for the protocol
 * that uses this layout:
 *
 * <pre>
 * &lt;root&gt;/runs/&lt;scenario_id&gt;/&lt;run_id&gt;/...        one directory per run, written once
 * &lt;root&gt;/runs/&lt;scenario_id&gt;/&lt;run_id&gt;/_run.json
 * &lt;root&gt;/current/&lt;scenario_id&gt;.json             the published manifest of each scenario
 * </pre>
 *
 * <p>Every scenario id and run id is checked against {@value #ID_PATTERN} before it becomes part of
 * a path, because ids arrive from HTTP requests and config files and must never be able to name a
 * path outside the warehouse ({@code ../x}, {@code a/b}, absolute paths, empty names).
 *
 * <p>Serializable so that Flink operators can carry it; the root is kept as a string because
 * {@link Path} itself is not serializable (and therefore only the default file system is supported).
 */
public final class WarehouseLayout implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Allowed shape of scenario ids and run ids. */
    public static final String ID_PATTERN = "[A-Za-z0-9_-]{1,64}";

    private static final Pattern ID = Pattern.compile(ID_PATTERN);

    static final String RUNS = "runs";
    static final String CURRENT = "current";
    static final String RUN_RECORD = "_run.json";
    static final String MANIFEST_SUFFIX = ".json";

    private final String root;

    /** @param root warehouse root; made absolute and normalised so every derived path is absolute */
    public WarehouseLayout(Path root) {
        if (root == null) {
            throw new IllegalArgumentException("The warehouse root must not be null.");
        }
        this.root = root.toAbsolutePath().normalize().toString();
    }

    /** The absolute, normalised warehouse root. */
    public Path root() {
        return Path.of(root);
    }

    /** {@code <root>/runs}. */
    public Path runsDir() {
        return root().resolve(RUNS);
    }

    /** {@code <root>/current}. */
    public Path currentDir() {
        return root().resolve(CURRENT);
    }

    /** {@code <root>/runs/<scenarioId>}. */
    public Path scenarioRunsDir(String scenarioId) {
        return runsDir().resolve(checkScenarioId(scenarioId));
    }

    /** {@code <root>/runs/<scenarioId>/<runId>}. */
    public Path runDir(String scenarioId, String runId) {
        return scenarioRunsDir(scenarioId).resolve(checkRunId(runId));
    }

    /** {@code <root>/current/<scenarioId>.json}. */
    public Path manifestPath(String scenarioId) {
        return currentDir().resolve(checkScenarioId(scenarioId) + MANIFEST_SUFFIX);
    }

    /** {@code <root>/runs/<scenarioId>/<runId>/_run.json}. */
    public Path runRecordPath(String scenarioId, String runId) {
        return runDir(scenarioId, runId).resolve(RUN_RECORD);
    }

    /**
     * The run directory relative to any root, as it appears in a manifest's {@code run_dir}. Needs
     * no root because the layout below the root is fixed.
     */
    public static String relativeRunDir(String scenarioId, String runId) {
        return RUNS + "/" + checkScenarioId(scenarioId) + "/" + checkRunId(runId);
    }

    /**
     * The warehouse-relative, forward-slash form of a path inside the warehouse, as manifests store
     * it so that a warehouse can be moved or mounted elsewhere (and read from Windows) unchanged.
     *
     * @throws IllegalArgumentException if the path is not inside the warehouse root
     */
    public String relativize(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        Path rootPath = root();
        if (!absolute.startsWith(rootPath) || absolute.equals(rootPath)) {
            throw new IllegalArgumentException(
                    "The path '" + path + "' is not inside the warehouse root '" + root + "'.");
        }
        return rootPath.relativize(absolute).toString().replace('\\', '/');
    }

    /**
     * Resolves a warehouse-relative path taken from a manifest. Manifests are files on disk that
     * anyone can edit, so a relative path that is absolute or climbs out of the root is refused
     * rather than followed.
     *
     * @throws IllegalArgumentException if the path is absolute, empty or leaves the warehouse root
     */
    public Path resolve(String relativePath) {
        if (relativePath == null || relativePath.isEmpty()) {
            throw new IllegalArgumentException("A warehouse-relative path must not be empty.");
        }
        if (relativePath.startsWith("/") || relativePath.contains("\\") || relativePath.contains(":")) {
            throw new IllegalArgumentException("The path '" + relativePath
                    + "' must be relative to the warehouse root and use forward slashes.");
        }
        Path rootPath = root();
        Path resolved = rootPath.resolve(relativePath).normalize();
        if (!resolved.startsWith(rootPath) || resolved.equals(rootPath)) {
            throw new IllegalArgumentException(
                    "The path '" + relativePath + "' points outside the warehouse root '" + root + "'.");
        }
        return resolved;
    }

    /**
     * Returns the id unchanged if it is a valid scenario id.
     *
     * @throws IllegalArgumentException naming the bad value otherwise
     */
    public static String checkScenarioId(String scenarioId) {
        return checkId("scenario id", scenarioId);
    }

    /**
     * Returns the id unchanged if it is a valid run id.
     *
     * @throws IllegalArgumentException naming the bad value otherwise
     */
    public static String checkRunId(String runId) {
        return checkId("run id", runId);
    }

    /** Whether the value may be used as a scenario id or run id. */
    public static boolean isValidId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    private static String checkId(String kind, String id) {
        if (id == null) {
            throw new IllegalArgumentException("The " + kind + " is missing (null).");
        }
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("The " + kind + " '" + id + "' is not allowed: it must be"
                    + " 1 to 64 characters long and use only letters, digits, '_' and '-'.");
        }
        return id;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WarehouseLayout other && root.equals(other.root);
    }

    @Override
    public int hashCode() {
        return root.hashCode();
    }

    @Override
    public String toString() {
        return "WarehouseLayout[" + root + "]";
    }
}
