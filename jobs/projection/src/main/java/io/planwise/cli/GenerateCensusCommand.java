package io.planwise.cli;

import io.planwise.connector.mart.MartParquetWriter;
import io.planwise.model.census.SyntheticCensus;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/** {@code planwise generate-census}: a synthetic census of any size, in PlanWise's columns, as CSV or Parquet. */
public final class GenerateCensusCommand extends Command {
    static final List<Option> OPTIONS = List.of(
            Option.of("out", "FILE.csv|FILE.parquet", null, "the census file to write"),
            Option.of("employees", "N", "10000", "employees in the census"),
            Option.of("seed", "S", "42", "generator seed (the same seed gives the same employees)"),
            Option.of("as-of", "YYYY-MM-DD", "2024-12-31", "the census as-of date"));
    static final Usage USAGE = new Usage("generate-census", "write a synthetic census (CSV or Parquet) with our own generator", 50, OPTIONS);

    public GenerateCensusCommand() {
        super(USAGE);
    }

    private PrintStream out;

    @Override
    public void run(Options cl, PrintStream out) throws Exception {
        this.out = out;
        generate(cl);
    }

    Path generate(Options cl) throws IOException {
        long employees = cl.wholeNumber("employees", 10_000);
        if (employees < 1) {
            throw new UsageException("--employees must be at least 1");
        }
        Path file = Path.of(cl.require("out"));
        String name = file.getFileName().toString().toLowerCase();
        if (!name.endsWith(".csv") && !name.endsWith(".parquet")) {
            throw new UsageException("--out must name a .csv or .parquet file");
        }
        LocalDate asOf = LocalDate.parse(cl.get("as-of", "2024-12-31"));
        if (file.toAbsolutePath().getParent() != null) {
            Files.createDirectories(file.toAbsolutePath().getParent());
        }
        SyntheticCensus census = new SyntheticCensus(cl.wholeNumber("seed", 42), asOf);
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
