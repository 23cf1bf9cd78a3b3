package io.planwise.cli;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;

/** The dashboard of an embedded Flink cluster, bound as {@link DashboardBinding} says. */
final class LocalDashboard {
    private LocalDashboard() {}

    /** Binds the local cluster's REST endpoint to the binding's address and first free port; returns the URL to print. */
    static String configure(Configuration conf, DashboardBinding binding) {
        int port = binding.freePort();
        conf.set(RestOptions.BIND_ADDRESS, binding.address());
        conf.set(RestOptions.BIND_PORT, Integer.toString(port));
        return binding.url(port);
    }
}
