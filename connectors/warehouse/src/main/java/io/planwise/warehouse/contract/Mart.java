package io.planwise.warehouse.contract;

import io.planwise.warehouse.MartColumn;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A mart as every writer and reader must see it: its name, its columns in file order, and its
 * partition column, if it has one.
 *
 * <p>The partition column ({@code simulation_year} for the projection marts) is not among
 * {@link #columns()}: it lives in the directory name only ({@code <mart>/simulation_year=<Y>/}),
 * because DuckDB's hive value would silently override a file column of the same name. A reader that
 * reads with hive partitioning sees the file columns first and the partition column last
 * ({@link #readerColumns()}); the manifest lists the partition column first ({@link #manifestColumns()}).
 *
 * @param name the mart's directory and table name
 * @param columns the columns written into each file, in order
 * @param partitionColumn the INTEGER hive partition column, or null for marts that are not partitioned
 */
public record Mart(String name, List<Column> columns, String partitionColumn) implements Serializable {

    public Mart {
        columns = List.copyOf(columns);
        Set<String> seen = new HashSet<>();
        for (Column c : columns) {
            if (!seen.add(c.name())) {
                throw new IllegalArgumentException("Mart " + name + " declares column " + c.name() + " twice.");
            }
        }
        if (partitionColumn != null && seen.contains(partitionColumn)) {
            throw new IllegalArgumentException("Mart " + name + " must not write its partition column "
                    + partitionColumn + " into its files.");
        }
    }

    public boolean partitioned() {
        return partitionColumn != null;
    }

    public List<String> columnNames() {
        return columns.stream().map(Column::name).toList();
    }

    public Optional<Column> column(String columnName) {
        return readerColumns().stream().filter(c -> c.name().equals(columnName)).findFirst();
    }

    /** What a hive-partitioned read of the mart's files returns: the file columns, then the partition column. */
    public List<Column> readerColumns() {
        List<Column> all = new ArrayList<>(columns);
        if (partitioned()) {
            all.add(Column.required(partitionColumn, ColumnType.INTEGER));
        }
        return List.copyOf(all);
    }

    /** The columns as a manifest lists them: the partition column first, then the file columns. */
    public List<MartColumn> manifestColumns() {
        List<MartColumn> all = new ArrayList<>();
        if (partitioned()) {
            all.add(new MartColumn(partitionColumn, ColumnType.INTEGER.sqlName()));
        }
        columns.forEach(c -> all.add(new MartColumn(c.name(), c.type().sqlName())));
        return List.copyOf(all);
    }
}
