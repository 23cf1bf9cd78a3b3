package io.planwise.api;

/**
 * {@link EnsembleEndpointsTest} again with every mart read from its Parquet files (views) and no answer
 * cache: the same answers either way, including the trial counts taken from the views.
 */
class EnsembleEndpointsOverParquetTest extends EnsembleEndpointsTest {

    @Override
    ServerOptions options(EnsembleFixture f) {
        return RunningServer.overParquet(f.root, f.keys);
    }
}
