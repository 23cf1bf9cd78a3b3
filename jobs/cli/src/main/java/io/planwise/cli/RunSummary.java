package io.planwise.cli;

import io.planwise.warehouse.RunRecordFile;
import io.planwise.warehouse.WarehouseLayout;
import io.planwise.warehouse.contract.RunRecord;
import java.io.PrintStream;

/** What a planner reads after a published run, from its {@code _run.json}; the same for both engines. */
final class RunSummary {
    private RunSummary() {}

    static void print(ProjectionRun run, WarehouseLayout warehouse, PrintStream out) {
        RunRecord record = RunRecordFile.read(run.runDir());
        RunRecord.CensusCounts census = record.census();
        out.printf("%ncensus: %,d rows read · %,d baseline · %,d terminated before start · %,d not yet hired · "
                + "%,d rejected · %,d warnings%n", census.rowsRead(), census.baseline(), census.terminatedBeforeStart(),
                census.notYetHired(), census.rejected(), census.warnings());
        for (RunRecord.IssueTally issue : census.issues()) {
            out.printf("  %-7s %-32s %,8d rows, e.g. row %d: %s%n", issue.severity(), issue.reason(), issue.rows(),
                    issue.exampleRowNumber(), issue.exampleDetail() != null ? issue.exampleDetail() : issue.exampleRawRow());
        }
        out.printf("%n%6s %10s %8s %12s %10s %10s %16s%n", "year", "start", "hires", "terminations", "ending", "growth",
                "payroll");
        for (RunRecord.YearFigures y : record.years()) {
            long start = y.startingWorkforce();
            long end = y.endingWorkforce();
            out.printf("%6d %,10d %,8d %,12d %,10d %9.1f%% %,16.0f%n", y.simulationYear(), start, y.hires(),
                    y.terminations(), end, start == 0 ? 0 : 100.0 * (end - start) / start, y.endingPayroll());
        }
        int checks = record.checks().size();
        out.printf("%nchecks: %d of %d passed · %s in %.1f s%n", checks - record.failedChecks().size(), checks,
                record.publishedAt(), run.elapsed().toMillis() / 1000.0);
        out.printf("published run %s → %s%n", run.runId(), warehouse.manifestPath(run.scenarioId()));
        out.printf("marts: %s%n", run.runDir());
        String warehouseOption = warehouse.root().toAbsolutePath().normalize()
                .equals(java.nio.file.Path.of("warehouse").toAbsolutePath().normalize()) ? "" : " --warehouse " + warehouse.root();
        out.printf("%nlook at it (SQL over the current run of every scenario, no DuckDB CLI needed):%n"
                + "  ./planwise query%s \"SELECT simulation_year, level_id, ending_headcount, ending_avg_compensation "
                + "FROM fct_workforce_summary WHERE scenario_id = '%s' AND trial = 0 ORDER BY ALL\"%n",
                warehouseOption, run.scenarioId());
    }
}
