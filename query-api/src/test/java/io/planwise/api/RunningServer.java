package io.planwise.api;

import java.nio.file.Path;
import java.time.Duration;

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

    /** Options with a given poll interval and no answer cache, so every request goes to DuckDB. */
    static ServerOptions options(Path warehouse, Path keys, Duration pollInterval) {
        ServerOptions o = ServerOptions.embedded(warehouse, 0, keys);
        return new ServerOptions(o.warehouse(), o.host(), o.port(), o.keysFile(), o.noAuth(), o.queryTimeout(),
                o.connections(), o.memoryLimit(), pollInterval, 0);
    }

    @Override
    public void close() {
        server.close();
    }
}
