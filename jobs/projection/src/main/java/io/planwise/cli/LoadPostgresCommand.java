package io.planwise.cli;

import io.planwise.connector.postgres.PostgresEndpoint;
import io.planwise.connector.postgres.PostgresLoader;
import io.planwise.model.assumptions.Assumptions;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * {@code planwise load-postgres}: creates the PlanWise tables if needed and replaces their contents
 * with a census file and a seed directory (or the bundled assumptions), in one transaction. The
 * assumptions are validated first, so a bad seed never reaches the database.
 */
final class LoadPostgresCommand {
    static final Set<String> OPTIONS = Set.of("url", "census", "assumptions", "db-user", "db-password");
    private static final String BUNDLED = "/io/planwise/assumptions/default/";

    private final PrintStream out;

    LoadPostgresCommand(PrintStream out) {
        this.out = out;
    }

    void run(CommandLine cl) {
        PostgresEndpoint endpoint = ProjectCommand.endpoint(cl, cl.require("url"));
        Path census = Path.of(cl.require("census"));
        if (!Files.isRegularFile(census)) {
            throw new CommandLine.UsageException("census file " + census + " does not exist");
        }
        Path seeds = cl.get("assumptions") == null ? null : Path.of(cl.get("assumptions"));
        Assumptions.load(seeds);
        try (PostgresLoader loader = new PostgresLoader(endpoint)) {
            loader.applySchema();
            long rows = loader.replace("census", census);
            for (String table : AssumptionTables.NAMES) {
                Path file = seeds == null ? null : seeds.resolve(table + ".csv");
                if (file != null && Files.isRegularFile(file)) {
                    loader.replace(table, file);
                } else {
                    try (InputStream bundled = Assumptions.class.getResourceAsStream(BUNDLED + table + ".csv")) {
                        loader.replace(table, "bundled " + table + ".csv", bundled);
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }
            }
            loader.commit();
            out.printf("loaded %,d census rows and %d assumption tables into %s%n", rows, AssumptionTables.NAMES.size(),
                    endpoint);
        }
    }
}
