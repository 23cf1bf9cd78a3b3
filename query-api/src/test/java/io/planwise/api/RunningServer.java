package io.planwise.api;

import java.nio.file.Path;

/** A query API server on a free loopback port for one test class. */
final class RunningServer implements AutoCloseable {

    final QueryApiServer server;
    final ApiClient client;

    private RunningServer(QueryApiServer server) {
        this.server = server;
        this.client = new ApiClient(server.port());
    }

    /** With the test warehouse's key file. */
    static RunningServer withKeys(Path warehouse, Path keys) {
        return new RunningServer(QueryApiServer.start(ServerOptions.embedded(warehouse, 0, keys)));
    }

    static RunningServer withoutKeys(Path warehouse) {
        return new RunningServer(QueryApiServer.start(ServerOptions.embedded(warehouse, 0, null)));
    }

    static RunningServer start(ServerOptions options) {
        return new RunningServer(QueryApiServer.start(options));
    }

    /** Keys, no answer cache, and every mart read from its Parquet files: the path big marts take. */
    static ServerOptions overParquet(Path warehouse, Path keys) {
        return ServerOptions.embedded(warehouse, 0, keys).withAnswerCache(0).withMemoryTableRows(0);
    }

    @Override
    public void close() {
        server.close();
    }
}
