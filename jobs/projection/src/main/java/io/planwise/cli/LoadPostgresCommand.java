package io.planwise.cli;

import io.planwise.connector.postgres.PostgresEndpoint;
import io.planwise.database.HrDatabaseLoader;
import io.planwise.model.assumptions.AssumptionFile;
import io.planwise.model.assumptions.Assumptions;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * {@code planwise load-postgres}: creates the PlanWise tables if needed and replaces their contents
 * with a census file and a seed directory (or the bundled assumptions), in one transaction. The
 * assumptions are validated first, so a bad seed never reaches the database.
 */
public final class LoadPostgresCommand extends Command {
    static final List<Option> OPTIONS = List.of(
            Option.of("url", "JDBC_URL", null, "the database, e.g. jdbc:postgresql://db:5432/hr"),
            Option.of("census", "FILE", null, "census file (CSV or Parquet)"),
            Option.of("assumptions", "DIR", "the bundled PlanWise seeds", "seed directory to load"),
            DatabaseInputs.USER, DatabaseInputs.PASSWORD);
    static final Usage USAGE = new Usage("load-postgres", "load a census file (and seed files) into PostgreSQL with COPY, in one transaction", 70, OPTIONS);

    public LoadPostgresCommand() {
        super(USAGE);
    }
    private static final String BUNDLED = "/io/planwise/assumptions/default/";

    private PrintStream out;

    @Override
    public void run(Options cl, PrintStream out) throws Exception {
        this.out = out;
        PostgresEndpoint endpoint = DatabaseInputs.endpoint(cl, cl.require("url"));
        Path census = Path.of(cl.require("census"));
        if (!Files.isRegularFile(census)) {
            throw new UsageException("census file " + census + " does not exist");
        }
        Path seeds = cl.get("assumptions") == null ? null : Path.of(cl.get("assumptions"));
        Assumptions.load(seeds);
        try (HrDatabaseLoader loader = new HrDatabaseLoader(endpoint)) {
            loader.applySchema();
            long rows = loader.replace("census", census);
            for (String table : Arrays.stream(AssumptionFile.values()).map(AssumptionFile::tableName).toList()) {
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
            out.printf("loaded %,d census rows and %d assumption tables into %s%n", rows, AssumptionFile.values().length,
                    endpoint);
        }
    }
}
