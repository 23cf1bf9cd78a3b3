package io.planwise.cli;

import java.io.PrintStream;

/**
 * A way to run one projection: the Flink job ({@code flink}) or the DuckDB SQL models
 * ({@code sql}). Both take the same {@link ProjectRequest}, whose inputs the front end has already
 * read and checked, write the same warehouse layout, publish through the warehouse's one publish
 * protocol and leave the same {@code _run.json}; the front end prints the summary. Engines are
 * {@link java.util.ServiceLoader} services, so each lives in its own jar with its own dependencies.
 */
public interface ProjectionEngine {

    /** The value of {@code --engine}. */
    String name();

    /** How the projecting line describes this engine at the given parallelism. */
    String describe(int parallelism);

    /** Runs the projection; returns once it is published (or submitted, when detached), or throws. */
    ProjectionRun project(ProjectRequest request, PrintStream out) throws Exception;

    /**
     * Whether this process runs inside a cluster that owns it (a Flink JobManager running main() of
     * a REST submission), where the front end must not call System.exit.
     */
    default boolean insideCluster() {
        return false;
    }

    /** The parallelism when {@code --parallelism} is absent; null lets the engine's host decide. */
    default Integer defaultParallelism() {
        return Math.max(1, Runtime.getRuntime().availableProcessors());
    }
}
