package io.planwise.cli;

import io.planwise.connector.mart.MartParquetWriter;
import io.planwise.model.census.SyntheticCensus;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Set;

/** {@code planwise generate-census}: a synthetic census of any size, in PlanWise's columns, as CSV or Parquet. */
final class GenerateCensusCommand {
    static final Set<String> OPTIONS = Set.of("employees", "seed", "out", "as-of");

    private final PrintStream out;

    GenerateCensusCommand(PrintStream out) {
        this.out = out;
    }

    Path run(CommandLine cl) throws IOException {
        long employees = cl.number("employees", 10_000);
        if (employees < 1) {
            throw new CommandLine.UsageException("--employees must be at least 1");
        }
        Path file = Path.of(cl.require("out"));
        String name = file.getFileName().toString().toLowerCase();
        if (!name.endsWith(".csv") && !name.endsWith(".parquet")) {
            throw new CommandLine.UsageException("--out must name a .csv or .parquet file");
        }
        LocalDate asOf = LocalDate.parse(cl.get("as-of", "2024-12-31"));
        if (file.toAbsolutePath().getParent() != null) {
            Files.createDirectories(file.toAbsolutePath().getParent());
        }
        SyntheticCensus census = new SyntheticCensus(cl.number("seed", 42), asOf);
        if (name.endsWith(".parquet")) {
            MartParquetWriter.write(file.toAbsolutePath(), CensusParquetSchema.schema(), census.rows(employees));
        } else {
            try (Writer w = Files.newBufferedWriter(file)) {
                census.writeCsv(employees, w);
            }
        }
        out.printf("wrote %,d employees as of %s to %s%n", employees, asOf, file);
        return file;
    }
}
