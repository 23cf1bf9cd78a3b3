package io.planwise.cli;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where an embedded Flink cluster ({@code project}, {@code actuals}) shows its dashboard: the
 * interface (loopback unless widened) and the port range to take the first free port of.
 *
 * <p>The port is chosen here, before Flink starts, and handed to Flink as that single port, so
 * the printed address is the one Flink binds: were the range passed on, Flink would move past a
 * taken port without telling. A port taken in the instant between the check and Flink's bind fails
 * the start with Flink's message instead of a wrong address.
 *
 * @param address the interface to listen on ({@code 127.0.0.1} by default; {@code 0.0.0.0} is every interface)
 * @param firstPort the first port of the range
 * @param lastPort the last port of the range (equal to firstPort for a single port)
 */
public record DashboardBinding(String address, int firstPort, int lastPort) {
    static final Option ADDRESS = Option.of("dashboard-address", "ADDR", "127.0.0.1",
            "interface of the local Flink dashboard (0.0.0.0: every interface)");
    static final Option PORTS = Option.of("dashboard-port", "P", "8081-8099",
            "port (or range: the first free one) of the local Flink dashboard");
    private static final Pattern RANGE = Pattern.compile("(\\d{1,5})(?:-(\\d{1,5}))?");

    /** The binding the options ask for; a malformed port or an unknown interface is a usage error. */
    public static DashboardBinding of(Options options) {
        String ports = options.get(PORTS.name(), PORTS.defaultValue()).trim();
        Matcher m = RANGE.matcher(ports);
        int first = m.matches() ? Integer.parseInt(m.group(1)) : -1;
        int last = m.matches() && m.group(2) != null ? Integer.parseInt(m.group(2)) : first;
        if (first < 1 || last > 65535 || last < first) {
            throw new UsageException("--dashboard-port takes a port or a range like 8081-8099, got '" + ports + "'");
        }
        String address = options.get(ADDRESS.name(), ADDRESS.defaultValue()).trim();
        try {
            InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            throw new UsageException("--dashboard-address '" + address + "' is not an address of this machine");
        }
        return new DashboardBinding(address, first, last);
    }

    /** The first port of the range nothing listens on at the address. */
    public int freePort() {
        for (int port = firstPort; port <= lastPort; port++) {
            try (ServerSocket probe = new ServerSocket()) {
                probe.setReuseAddress(true);
                probe.bind(new InetSocketAddress(InetAddress.getByName(address), port));
                return port;
            } catch (IOException taken) {
                // try the next one
            }
        }
        throw new UsageException("no free port in " + firstPort + (lastPort == firstPort ? "" : "-" + lastPort) + " on " + address
                + " for the Flink dashboard; pass --dashboard-port with another port or range");
    }

    /** The address to print: every interface is reached as localhost from this machine. */
    public String url(int port) {
        boolean everywhere = address.equals("0.0.0.0") || address.equals("::");
        return "http://" + (everywhere ? "localhost" : address.contains(":") ? "[" + address + "]" : address) + ":" + port
                + (everywhere ? " (listening on every interface)" : "");
    }
}
