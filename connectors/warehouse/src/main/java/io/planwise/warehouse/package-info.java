/**
 * The warehouse on disk: what a run contains ({@link io.planwise.warehouse.contract}), where runs are
 * written ({@link io.planwise.warehouse.WarehouseLayout}), how they are named
 * ({@link io.planwise.warehouse.RunIds}), how a finished run is published atomically
 * ({@link io.planwise.warehouse.ManifestStore}, whose class comment is the full description of the
 * protocol, and {@link io.planwise.warehouse.RunPublisher}, the end of every run) and how old runs are
 * removed ({@link io.planwise.warehouse.RunRetention}).
 *
 * <p>Free of Flink on purpose: the Flink job, the query API and a SQL runner all share it.
 */
package io.planwise.warehouse;
