package io.planwise.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/** {@code planwise demo}: a synthetic census (our own generator, seed 2024) projected with the defaults. */
final class DemoCommand extends Command {
    private static final List<Option> OPTIONS = List.of(
            Option.of("employees", "N", "5000", "employees in the synthetic census"),
            Option.of("warehouse", "DIR", "warehouse", "where the run is published (scenario demo)"),
            Option.of("parallelism", "N", "2", "parallel tasks"),
            Option.of("engine", "flink|sql", ProjectionEngines.DEFAULT, "the Flink job or the DuckDB SQL models"));
    static final Usage USAGE = new Usage("demo", "project a bundled synthetic census into ./warehouse with the default assumptions", 0, OPTIONS);

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
        Command project = cli.command("project");
        project.run(Options.of(project.usage(), "census", census.toString(), "scenario", "demo",
                "warehouse", options.get("warehouse", "warehouse"), "parallelism", options.get("parallelism", "2"),
                "engine", options.get("engine")), out);
    }
}
