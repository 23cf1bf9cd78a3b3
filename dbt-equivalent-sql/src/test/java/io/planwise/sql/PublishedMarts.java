package io.planwise.sql;

import io.planwise.warehouse.MartEntry;
import io.planwise.warehouse.RunManifest;
import io.planwise.warehouse.WarehouseLayout;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.stream.Collectors;

/** One value computed over a published run, its marts read from exactly the files its manifest lists. */
final class PublishedMarts {
    private PublishedMarts() {}

    static long count(RunManifest manifest, Path warehouse, String query) throws SQLException {
        WarehouseLayout layout = new WarehouseLayout(warehouse);
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement s = db.createStatement()) {
            for (Map.Entry<String, MartEntry> mart : manifest.marts().entrySet()) {
                var files = manifest.filesOf(mart.getKey(), layout);
                s.execute("CREATE VIEW " + mart.getKey() + " AS " + (files.isEmpty()
                        ? "SELECT " + mart.getValue().columns().stream()
                                .map(c -> "CAST(NULL AS " + c.type() + ") AS " + c.name())
                                .collect(Collectors.joining(", ")) + " WHERE false"
                        : "SELECT * FROM read_parquet([" + files.stream().map(f -> "'" + f + "'")
                                .collect(Collectors.joining(", ")) + "], hive_partitioning = true, "
                                + "hive_types = {'simulation_year': INTEGER})"));
            }
            try (ResultSet rs = s.executeQuery(query)) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
