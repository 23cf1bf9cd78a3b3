/**
 * The run contract, declared once and free of Flink: what every engine writes and every reader
 * reads. {@link io.planwise.warehouse.contract.ProjectionMarts} and
 * {@link io.planwise.warehouse.contract.ActualsMarts} declare each mart (name, columns, types,
 * nullability, partition column); {@link io.planwise.warehouse.contract.RunRecord} is the typed
 * {@code _run.json}; {@link io.planwise.warehouse.contract.MartQuery} is the one DuckDB query that
 * reads a mart from exactly the files a manifest lists.
 *
 * <p>The Flink job binds its records to these columns (mart-sink's {@code MartSchema.bind}), the SQL
 * engine checks its mart models against them with {@code DESCRIBE}, manifests take their column
 * types from them, and the query API and the tests read through them; a change here is one edit
 * that every side follows or fails a test.
 */
package io.planwise.warehouse.contract;
