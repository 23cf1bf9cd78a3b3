package io.planwise.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code planwise demo}: a synthetic census (our own generator, seed 2024) projected twice, so that
 * every example in the README answers right after it: scenario {@code default} with the default
 * assumptions and scenario {@code growth_5pct} at 5 % target growth, each a Monte Carlo ensemble of
 * {@value #TRIALS} trials (trial 0 writes events and snapshots), so the bands, the fan chart and
 * the scenario comparison have something to show.
 */
final class DemoCommand extends Command {
    static final String SCENARIO = "default";
    static final String GROWTH_SCENARIO = "growth_5pct";
    static final String TRIALS = "20";

    private static final List<Option> OPTIONS = List.of(
            Option.of("employees", "N", "5000", "employees in the synthetic census"),
            Option.of("warehouse", "DIR", "warehouse", "where the runs are published (scenarios default and growth_5pct)"),
            Option.of("parallelism", "N", "2", "parallel tasks"),
            Option.of("engine", "flink|sql", ProjectionEngines.DEFAULT, "the Flink job or the DuckDB SQL models"));
    static final Usage USAGE = new Usage("demo", "project a bundled synthetic census into ./warehouse: scenarios "
            + SCENARIO + " and " + GROWTH_SCENARIO + ", " + TRIALS + " trials each", 0, OPTIONS);

    public DemoCommand() {
        super(USAGE);
    }

    private PlanwiseCli cli;

    void attach(PlanwiseCli owner) {
        this.cli = owner;
    }

    @Override
    public void run(Options options, PrintStream out) throws Exception {
        Path census = Path.of(".planwise", "demo-census.csv");
        Command generate = cli.command("generate-census");
        generate.run(Options.of(generate.usage(), "out", census.toString(),
                "employees", options.get("employees", "5000"), "seed", "2024"), out);
        Path growth = Path.of(".planwise", "demo-" + GROWTH_SCENARIO + ".yaml");
        Files.writeString(growth, "# planwise demo: the default assumptions at 5 % target growth\n"
                + "scenario_id: " + GROWTH_SCENARIO + "\nsimulation:\n  target_growth_rate: 0.05\n");
        String warehouse = options.get("warehouse", "warehouse");
        Command project = cli.command("project");
        for (String[] scenario : List.of(new String[] {SCENARIO, null}, new String[] {GROWTH_SCENARIO, growth.toString()})) {
            project.run(Options.of(project.usage(), "census", census.toString(), "scenario", scenario[0],
                    "config", scenario[1], "trials", TRIALS, "warehouse", warehouse,
                    "parallelism", options.get("parallelism", "2"), "engine", options.get("engine")), out);
        }
        out.printf("%nserve both scenarios (the planner's page and the API on http://127.0.0.1:8080/):%n"
                + "  java -jar query-api/target/planwise-api.jar --warehouse %s --no-auth%n", warehouse);
    }
}
