package io.planwise.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/** The engines on the classpath, by {@code --engine} name; {@code flink} is the default when present. */
public final class ProjectionEngines {
    static final String DEFAULT = "flink";

    private final List<ProjectionEngine> engines;

    ProjectionEngines(List<ProjectionEngine> engines) {
        this.engines = List.copyOf(engines);
    }

    public static ProjectionEngines fromClasspath() {
        List<ProjectionEngine> found = new ArrayList<>();
        ServiceLoader.load(ProjectionEngine.class).forEach(found::add);
        return new ProjectionEngines(found);
    }

    ProjectionEngine named(String name) {
        String wanted = name != null ? name : engines.stream().anyMatch(e -> e.name().equals(DEFAULT)) ? DEFAULT
                : engines.isEmpty() ? DEFAULT : engines.get(0).name();
        return engines.stream().filter(e -> e.name().equals(wanted)).findFirst().orElseThrow(() -> new UsageException(
                "--engine must be " + String.join(" or ", List.of("flink", "sql")) + (engines.stream()
                        .anyMatch(e -> e.name().equals(wanted)) ? "" : "; this installation has "
                        + (engines.isEmpty() ? "no engine" : "only " + names()) + " (build both with ./mvnw install)")
                        + ", got '" + wanted + "'"));
    }

    public boolean has(String name) {
        return engines.stream().anyMatch(e -> e.name().equals(name));
    }

    boolean insideCluster() {
        return engines.stream().anyMatch(ProjectionEngine::insideCluster);
    }

    String names() {
        return String.join(", ", engines.stream().map(ProjectionEngine::name).toList());
    }
}
