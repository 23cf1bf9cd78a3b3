package io.planwise.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * The packaged engines keep to themselves: the SQL engine's jar holds no Flink class (it runs the
 * projection without Flink), the Flink job jar no DuckDB (77 MB that a cluster never needs), and
 * both carry the one front end and find their engine as a service.
 */
class EngineJarsIT {
    private static final Path ROOT = Path.of(System.getProperty("planwise.root", ".."));

    private static List<String> entries(Path jar) throws Exception {
        assertThat(jar).as("built by the package phase").isRegularFile();
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.stream().map(e -> e.getName()).toList();
        }
    }

    @Test
    void theSqlEngineJarHoldsNoFlinkClass() throws Exception {
        List<String> sql = entries(ROOT.resolve("dbt-equivalent-sql/target/planwise-sql.jar"));
        assertThat(sql).filteredOn(e -> e.startsWith("org/apache/flink/")).as("Flink classes in the SQL engine's jar")
                .isEmpty();
        assertThat(sql).contains("io/planwise/cli/PlanwiseCli.class", "io/planwise/sql/SqlProjectionEngine.class",
                "META-INF/services/io.planwise.cli.ProjectionEngine");
    }

    @Test
    void theFlinkJobJarHoldsNoDuckDb() throws Exception {
        List<String> flink = entries(ROOT.resolve("jobs/projection/target/planwise.jar"));
        assertThat(flink).filteredOn(e -> e.startsWith("org/duckdb/")).as("DuckDB in the Flink job jar").isEmpty();
        assertThat(flink).contains("io/planwise/cli/PlanwiseCli.class", "io/planwise/cli/FlinkProjectionEngine.class");
    }
}
