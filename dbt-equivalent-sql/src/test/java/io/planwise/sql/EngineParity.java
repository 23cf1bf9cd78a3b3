package io.planwise.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.planwise.warehouse.MartColumn;
import io.planwise.warehouse.MartEntry;
import io.planwise.warehouse.RunManifest;
import io.planwise.warehouse.WarehouseLayout;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Compares two published runs mart by mart, as a reader sees them: each mart read from exactly the
 * files its manifest lists (simulation_year from the partition directory), then {@code EXCEPT ALL}
 * both ways. Equal marts have the same rows, value for value, as many times each.
 */
final class EngineParity implements AutoCloseable {
    static final List<String> MARTS = List.of("fct_yearly_events", "fct_workforce_snapshot", "fct_workforce_needs",
            "fct_workforce_summary", "dq_census_issues", "dq_checks");
    private static final int SHOWN_ROWS = 5;

    private final Connection connection;

    EngineParity() throws SQLException {
        connection = DriverManager.getConnection("jdbc:duckdb:");
    }

    /** Asserts that both runs publish the same marts with the same columns and the same rows. */
    static void assertSameMarts(RunManifest flink, Path flinkWarehouse, RunManifest sql, Path sqlWarehouse)
            throws SQLException {
        assertThat(sql.marts().keySet()).as("marts of the SQL run").containsExactlyElementsOf(flink.marts().keySet())
                .containsExactlyInAnyOrderElementsOf(MARTS);
        try (EngineParity parity = new EngineParity()) {
            for (String mart : MARTS) {
                MartEntry f = flink.marts().get(mart);
                MartEntry s = sql.marts().get(mart);
                assertThat(s.columns()).as("%s: columns and types in the manifests (SQL vs Flink)", mart)
                        .isEqualTo(f.columns());
                assertThat(s.rowCount()).as("%s: row count in the manifests (SQL vs Flink)", mart).isEqualTo(f.rowCount());
                parity.assertSameRows(mart, f, flink.filesOf(mart, new WarehouseLayout(flinkWarehouse)), s,
                        sql.filesOf(mart, new WarehouseLayout(sqlWarehouse)));
            }
        }
    }

    private void assertSameRows(String mart, MartEntry flinkEntry, List<Path> flinkFiles, MartEntry sqlEntry,
            List<Path> sqlFiles) throws SQLException {
        String columns = flinkEntry.columns().stream().map(MartColumn::name).collect(Collectors.joining(", "));
        String flink = "SELECT " + columns + " FROM (" + reader(flinkFiles, flinkEntry) + ")";
        String sql = "SELECT " + columns + " FROM (" + reader(sqlFiles, sqlEntry) + ")";
        List<String> flinkOnly = rows("(" + flink + ") EXCEPT ALL (" + sql + ") ORDER BY ALL LIMIT " + SHOWN_ROWS);
        List<String> sqlOnly = rows("(" + sql + ") EXCEPT ALL (" + flink + ") ORDER BY ALL LIMIT " + SHOWN_ROWS);
        assertThat(flinkOnly.isEmpty() && sqlOnly.isEmpty())
                .as("%s differs between the engines (columns %s)%nfirst rows only the Flink job wrote:%n  %s"
                        + "%nfirst rows only the SQL engine wrote:%n  %s", mart, columns,
                        String.join("\n  ", flinkOnly), String.join("\n  ", sqlOnly))
                .isTrue();
    }

    /** A query over exactly these files, or an empty relation of the mart's columns. */
    private static String reader(List<Path> files, MartEntry entry) {
        if (!files.isEmpty()) {
            return "SELECT * FROM read_parquet([" + files.stream().map(f -> "'" + f.toString().replace("'", "''") + "'")
                    .collect(Collectors.joining(", ")) + "], hive_partitioning = true, "
                    + "hive_types = {'simulation_year': INTEGER})";
        }
        return "SELECT " + entry.columns().stream().map(c -> "CAST(NULL AS " + c.type() + ") AS " + c.name())
                .collect(Collectors.joining(", ")) + " WHERE false";
    }

    private List<String> rows(String query) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(query)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> values = new ArrayList<>(n);
                for (int i = 1; i <= n; i++) {
                    values.add(rs.getMetaData().getColumnLabel(i) + "=" + rs.getObject(i));
                }
                rows.add(String.join(", ", values));
            }
        }
        return rows;
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
