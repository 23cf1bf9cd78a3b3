package io.planwise.api;

/**
 * {@link EndpointsTest} again with every mart read from its Parquet files (views, as events and
 * snapshot are on real warehouses) and no answer cache: the same answers either way.
 */
class EndpointsOverParquetTest extends EndpointsTest {

    @Override
    ServerOptions options(TestWarehouse warehouse) {
        return RunningServer.overParquet(warehouse.root, warehouse.keys);
    }
}
