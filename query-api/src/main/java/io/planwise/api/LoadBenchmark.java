package io.planwise.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Load benchmark of the query API: for each endpoint in turn, {@code --clients} concurrent clients
 * (default 16) send requests back to back for {@code --duration} seconds (default 60) after a short
 * warm-up, and the endpoint's p50/p99/max latency, throughput and errors are printed. An error is any
 * answer other than 200 or a failed call.
 *
 * <pre>
 * # starts the server in this JVM on a free loopback port, without keys:
 * java -cp query-api/target/planwise-api.jar io.planwise.api.LoadBenchmark --warehouse DIR --scenario ID
 * # or against a running server (loopback only):
 * java -cp query-api/target/planwise-api.jar io.planwise.api.LoadBenchmark --url http://127.0.0.1:8080 \
 *     --key KEY --scenario ID
 * </pre>
 *
 * Only loopback addresses are accepted: this is a tool for measuring one's own server, not for
 * loading someone else's.
 */
public final class LoadBenchmark {

    static final List<String> ALL_ENDPOINTS = List.of("summary", "summary-by-level", "needs", "compare", "status",
            "scenarios", "events-page", "snapshot-page", "employee");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Options options;
    private final PrintStream out;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    LoadBenchmark(Options options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("load-benchmark: error: " + e.getMessage());
            System.err.println(Options.USAGE);
            System.exit(2);
            return;
        }
        QueryApiServer server = null;
        String base = options.url();
        if (options.warehouse() != null) {
            server = QueryApiServer.start(ServerOptions.embedded(options.warehouse(), 0, null)
                    .withAnswerCache(options.answerCacheMegabytes()));
            base = "http://127.0.0.1:" + server.port();
            // Measured as a server runs once it has settled: the runs prepared and their employee index built.
            long start = System.nanoTime();
            server.scanNow();
            try {
                if (!server.awaitEmployeeIndex(Duration.ofMinutes(30))) {
                    System.err.println("load-benchmark: error: the employee index was not built within 30 minutes");
                    System.exit(1);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            System.out.printf("server ready: runs prepared, employee index %s, in %.1f s%n",
                    server.employeeIndexedRuns().isEmpty() ? "not needed" : "of " + server.employeeIndexedRuns().size()
                            + " run(s) built", (System.nanoTime() - start) / 1e9);
        }
        try {
            Map<String, LatencyRecorder.Summary> results = new LoadBenchmark(options, System.out).run(base);
            boolean errors = results.values().stream().anyMatch(s -> s.errors() > 0);
            System.exit(errors ? 1 : 0);
        } finally {
            if (server != null) {
                server.close();
            }
        }
    }

    /** Runs every phase against {@code base} and prints the table; returns the figures per endpoint. */
    Map<String, LatencyRecorder.Summary> run(String base) throws Exception {
        Map<String, List<String>> paths = paths(base);
        out.printf(Locale.ROOT, "query API load benchmark · %s · scenario %s · %d clients · %d s per endpoint"
                + " (after %d s warm-up) · %d cores%n", base, options.scenario(), options.clients(),
                options.duration().toSeconds(), options.warmup().toSeconds(), Runtime.getRuntime().availableProcessors());
        out.printf(Locale.ROOT, "%-18s %10s %10s %9s %9s %9s %7s  %s%n", "endpoint", "requests", "req/s", "p50 ms",
                "p99 ms", "max ms", "errors", "path");
        Map<String, LatencyRecorder.Summary> results = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> e : paths.entrySet()) {
            List<URI> uris = e.getValue().stream().map(path -> URI.create(base + path)).toList();
            LatencyRecorder.Summary s = phase(uris);
            results.put(e.getKey(), s);
            String shown = uris.size() == 1 ? e.getValue().get(0)
                    : e.getValue().get(0) + " and " + (uris.size() - 1) + " more, in turn";
            out.printf(Locale.ROOT, "%-18s %10d %10.1f %9.2f %9.2f %9.2f %7d  %s%n", e.getKey(), s.requests(),
                    s.perSecond(), s.p50Nanos() / 1e6, s.p99Nanos() / 1e6, s.maxNanos() / 1e6, s.errors(), shown);
        }
        return results;
    }

    /**
     * The paths of each endpoint asked for, with real ids and years from the scenario itself. The
     * employee lookup asks for {@link #EMPLOYEES} different employees in turn, census employees spread over
     * the whole snapshot and new hires: one id asked again and again would measure a cache, not a lookup.
     */
    private Map<String, List<String>> paths(String base) throws IOException, InterruptedException {
        String s = options.scenario();
        JsonNode summary = get(base + "/api/v1/scenarios/" + s + "/summary");
        JsonNode years = summary.get("rows");
        int middleYear = years.get(years.size() / 2).get("simulation_year").asInt();
        out.printf(Locale.ROOT, "run %s · years %d-%d%n", summary.get("run_id").asText(),
                years.get(0).get("simulation_year").asInt(), years.get(years.size() - 1).get("simulation_year").asInt());
        Map<String, List<String>> all = new LinkedHashMap<>();
        all.put("summary", List.of("/api/v1/scenarios/" + s + "/summary"));
        all.put("summary-by-level", List.of("/api/v1/scenarios/" + s + "/summary?by=level"));
        all.put("needs", List.of("/api/v1/scenarios/" + s + "/needs"));
        if (options.compareWith() != null) {
            all.put("compare", List.of("/api/v1/compare?scenarios=" + s + "," + options.compareWith()));
        }
        all.put("status", List.of("/api/v1/status"));
        all.put("scenarios", List.of("/api/v1/scenarios"));
        all.put("events-page", List.of("/api/v1/scenarios/" + s + "/events?year=" + middleYear + "&event_type=hire&limit=100"));
        all.put("snapshot-page", List.of("/api/v1/scenarios/" + s + "/snapshot?year=" + middleYear + "&status=active&limit=100"));
        Map<String, List<String>> chosen = new LinkedHashMap<>();
        for (String name : options.endpoints()) {
            if (name.equals("employee")) {
                long headcount = years.get(years.size() / 2).path("ending_headcount").asLong(0);
                chosen.put(name, employeePaths(base, s, middleYear, headcount));
            } else if (all.containsKey(name)) {
                chosen.put(name, all.get(name));
            } else if (!name.equals("compare")) {
                throw new IllegalArgumentException("Unknown endpoint '" + name + "'; known: " + ALL_ENDPOINTS);
            }
        }
        return chosen;
    }

    /** How many different employees the employee phase asks for. */
    static final int EMPLOYEES = 500;

    private List<String> employeePaths(String base, String scenario, int year, long headcount)
            throws IOException, InterruptedException {
        String mart = base + "/api/v1/scenarios/" + scenario;
        Set<String> ids = new LinkedHashSet<>();
        int pages = 10;
        int perPage = EMPLOYEES * 4 / 5 / pages;
        long stride = Math.max(perPage, headcount / pages);
        for (int page = 0; page < pages; page++) {
            long offset = Math.min(page * stride, MartRowsEndpoint.MAX_OFFSET);
            get(mart + "/snapshot?year=" + year + "&columns=employee_id&limit=" + perPage + "&offset=" + offset)
                    .get("rows").forEach(r -> ids.add(r.get("employee_id").asText()));
        }
        get(mart + "/events?year=" + year + "&event_type=hire&columns=employee_id&limit=" + (EMPLOYEES - ids.size()))
                .get("rows").forEach(r -> ids.add(r.get("employee_id").asText()));
        if (ids.isEmpty()) {
            throw new IllegalStateException("Scenario " + scenario + " has no employee in " + year + ".");
        }
        return ids.stream().map(id -> "/api/v1/scenarios/" + scenario + "/employees/" + id).toList();
    }

    private LatencyRecorder.Summary phase(List<URI> uris) throws Exception {
        List<HttpRequest> requests = uris.stream().map(this::request).toList();
        ExecutorService pool = Executors.newFixedThreadPool(options.clients());
        try {
            long warmupEnd = System.nanoTime() + options.warmup().toNanos();
            long end = warmupEnd + options.duration().toNanos();
            List<LatencyRecorder> recorders = new ArrayList<>();
            List<Future<?>> clients = new ArrayList<>();
            for (int i = 0; i < options.clients(); i++) {
                LatencyRecorder recorder = new LatencyRecorder();
                recorders.add(recorder);
                int first = i * requests.size() / options.clients();
                clients.add(pool.submit(() -> client(requests, first, warmupEnd, end, recorder)));
            }
            for (Future<?> f : clients) {
                f.get();
            }
            return LatencyRecorder.merge(recorders, options.duration().toNanos() / 1e9);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Asks for {@code requests} in turn, starting at {@code first}, so that clients ask for different ones. */
    private void client(List<HttpRequest> requests, int first, long warmupEnd, long end, LatencyRecorder recorder) {
        for (int next = first; ; next = (next + 1) % requests.size()) {
            HttpRequest request = requests.get(next);
            long start = System.nanoTime();
            if (start >= end) {
                return;
            }
            boolean ok;
            try {
                HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                ok = r.statusCode() == 200;
            } catch (IOException e) {
                ok = false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            long finished = System.nanoTime();
            // Requests that started during the warm-up are not counted.
            if (start >= warmupEnd && finished <= end) {
                if (ok) {
                    recorder.record(finished - start);
                } else {
                    recorder.error();
                }
            }
        }
    }

    private JsonNode get(String url) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(request(URI.create(url)), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + r.statusCode() + ": " + r.body());
        }
        return JSON.readTree(r.body());
    }

    private HttpRequest request(URI uri) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET();
        if (options.key() != null) {
            b.header(Authentication.KEY_HEADER, options.key());
        }
        return b.build();
    }

    /** The benchmark's command line. */
    record Options(Path warehouse, String url, String key, String scenario, String compareWith, int clients,
            Duration duration, Duration warmup, List<String> endpoints, int answerCacheMegabytes) {

        static final String USAGE = String.join("\n",
                "usage: LoadBenchmark (--warehouse DIR | --url http://127.0.0.1:PORT [--key KEY]) --scenario ID [options]",
                "  --warehouse DIR      start a server in this JVM (loopback, no keys) on DIR",
                "  --url URL            benchmark a running server; loopback addresses only",
                "  --key KEY            API key for --url (or env PLANWISE_API_KEY)",
                "  --scenario ID        scenario to query",
                "  --compare-with ID    second scenario for the compare endpoint (skipped without it)",
                "  --clients N          concurrent clients (default 16)",
                "  --duration S         seconds measured per endpoint (default 60)",
                "  --warmup S           seconds of unmeasured warm-up per endpoint (default 3)",
                "  --endpoints LIST     comma-separated, default " + String.join(",", ALL_ENDPOINTS),
                "  --answer-cache-mb N  with --warehouse: the server's answer cache (default 64; 0 measures DuckDB)");

        static Options parse(String... args) {
            Deque<String> rest = new ArrayDeque<>(List.of(args));
            Path warehouse = null;
            String url = null;
            String key = System.getenv("PLANWISE_API_KEY");
            String scenario = null;
            String compareWith = null;
            int clients = 16;
            long duration = 60;
            long warmup = 3;
            List<String> endpoints = ALL_ENDPOINTS;
            int cacheMb = 64;
            while (!rest.isEmpty()) {
                String option = rest.pop();
                if (rest.isEmpty()) {
                    throw new IllegalArgumentException(option + " needs a value.");
                }
                String value = rest.pop();
                switch (option) {
                    case "--warehouse" -> warehouse = Path.of(value);
                    case "--url" -> url = value.replaceAll("/+$", "");
                    case "--key" -> key = value;
                    case "--scenario" -> scenario = value;
                    case "--compare-with" -> compareWith = value;
                    case "--clients" -> clients = (int) number(option, value, 1, 1024);
                    case "--duration" -> duration = number(option, value, 1, 86_400);
                    case "--warmup" -> warmup = number(option, value, 0, 3_600);
                    case "--endpoints" -> endpoints = List.of(value.split(","));
                    case "--answer-cache-mb" -> cacheMb = (int) number(option, value, 0, 65_536);
                    default -> throw new IllegalArgumentException("Unknown option '" + option + "'.");
                }
            }
            if ((warehouse == null) == (url == null)) {
                throw new IllegalArgumentException("Give exactly one of --warehouse and --url.");
            }
            if (scenario == null) {
                throw new IllegalArgumentException("--scenario is required.");
            }
            if (url != null) {
                checkLoopback(url);
            }
            return new Options(warehouse, url, key, scenario, compareWith, clients, Duration.ofSeconds(duration),
                    Duration.ofSeconds(warmup), endpoints, cacheMb);
        }

        private static void checkLoopback(String url) {
            URI uri = URI.create(url);
            if (!"http".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new IllegalArgumentException("--url must look like http://127.0.0.1:8080.");
            }
            try {
                for (InetAddress a : InetAddress.getAllByName(uri.getHost())) {
                    if (!a.isLoopbackAddress()) {
                        throw new IllegalArgumentException("--url must point at this machine (127.0.0.1, ::1 or"
                                + " localhost), not " + uri.getHost() + ".");
                    }
                }
            } catch (java.net.UnknownHostException e) {
                throw new IllegalArgumentException("--url host " + uri.getHost() + " is unknown.");
            }
        }

        private static long number(String option, String value, long min, long max) {
            try {
                long n = Long.parseLong(value);
                if (n >= min && n <= max) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new IllegalArgumentException(option + " must be a whole number from " + min + " to " + max + ".");
        }
    }
}
