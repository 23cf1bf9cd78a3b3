package io.planwise.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.planwise.testing.MartReader;
import io.planwise.warehouse.MartEntry;
import io.planwise.warehouse.RunManifest;
import io.planwise.warehouse.WarehouseLayout;
import io.planwise.warehouse.contract.Mart;
import io.planwise.warehouse.contract.ProjectionMarts;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Compares two published runs mart by mart, as a reader sees them ({@link MartReader}: each mart read
 * from exactly the files its manifest lists), first against the contract (columns and types as
 * DuckDB reads the files), then with {@code EXCEPT ALL} both ways. Equal marts have the same rows,
 * value for value, as many times each.
 */
final class EngineParity {
    private static final int SHOWN_ROWS = 5;

    private EngineParity() {}

    /** Asserts that both runs publish the contract's marts with the same rows. */
    static void assertSameMarts(RunManifest flink, Path flinkWarehouse, RunManifest sql, Path sqlWarehouse)
            throws SQLException {
        assertThat(sql.marts().keySet()).as("marts of the SQL run").containsExactlyElementsOf(flink.marts().keySet())
                .containsExactlyInAnyOrderElementsOf(MartReader.ALL);
        try (MartReader marts = new MartReader()) {
            marts.attach("flink", flink, new WarehouseLayout(flinkWarehouse));
            marts.attach("sql", sql, new WarehouseLayout(sqlWarehouse));
            for (Mart mart : ProjectionMarts.ALL) {
                MartEntry f = flink.marts().get(mart.name());
                MartEntry s = sql.marts().get(mart.name());
                assertThat(f.columns()).as("%s: columns and types in the Flink manifest vs the contract", mart.name())
                        .isEqualTo(mart.manifestColumns());
                assertThat(s.columns()).as("%s: columns and types in the SQL manifest vs the contract", mart.name())
                        .isEqualTo(mart.manifestColumns());
                if (!f.files().isEmpty()) {
                    assertThat(marts.describe("flink." + mart.name())).as("%s: the Flink job's files vs the contract",
                            mart.name()).isEqualTo(MartReader.contractColumns(mart));
                }
                if (!s.files().isEmpty()) {
                    assertThat(marts.describe("sql." + mart.name())).as("%s: the SQL engine's files vs the contract",
                            mart.name()).isEqualTo(MartReader.contractColumns(mart));
                }
                assertThat(s.rowCount()).as("%s: row count in the manifests (SQL vs Flink)", mart.name())
                        .isEqualTo(f.rowCount());
                for (String engine : List.of("flink", "sql")) {
                    assertThat(marts.count(nullsInRequiredColumns(engine + "." + mart.name(), mart)))
                            .as("%s: NULLs in columns the contract requires (%s)", mart.name(), engine).isZero();
                }
                assertSameRows(marts, mart);
            }
        }
    }

    private static String nullsInRequiredColumns(String relation, Mart mart) {
        String anyNull = String.join(" OR ", mart.readerColumns().stream().filter(c -> !c.nullable())
                .map(c -> c.name() + " IS NULL").toList());
        return "SELECT count(*) FROM " + relation + " WHERE " + anyNull;
    }

    private static void assertSameRows(MartReader marts, Mart mart) throws SQLException {
        String columns = String.join(", ", mart.readerColumns().stream().map(c -> c.name()).toList());
        String flink = "SELECT " + columns + " FROM flink." + mart.name();
        String sql = "SELECT " + columns + " FROM sql." + mart.name();
        List<String> flinkOnly = rows(marts, "(" + flink + ") EXCEPT ALL (" + sql + ") ORDER BY ALL LIMIT " + SHOWN_ROWS);
        List<String> sqlOnly = rows(marts, "(" + sql + ") EXCEPT ALL (" + flink + ") ORDER BY ALL LIMIT " + SHOWN_ROWS);
        assertThat(flinkOnly.isEmpty() && sqlOnly.isEmpty())
                .as("%s differs between the engines (columns %s)%nfirst rows only the Flink job wrote:%n  %s"
                        + "%nfirst rows only the SQL engine wrote:%n  %s", mart.name(), columns,
                        String.join("\n  ", flinkOnly), String.join("\n  ", sqlOnly))
                .isTrue();
    }

    private static List<String> rows(MartReader marts, String query) throws SQLException {
        List<String> rows = new ArrayList<>();
        for (Map<String, Object> r : marts.records(query)) {
            rows.add(r.toString());
        }
        return rows;
    }
}
