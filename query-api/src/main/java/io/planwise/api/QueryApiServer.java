package io.planwise.api;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpResponseException;
import io.planwise.warehouse.ManifestStore;
import io.planwise.warehouse.WarehouseLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The query API: the published marts of a warehouse over HTTP, read-only, as JSON or CSV.
 *
 * <h2>Consistency model: one manifest snapshot per request</h2>
 *
 * A run becomes visible only through its manifest, {@code current/<scenario>.json}, which a publish
 * replaces atomically (see {@link ManifestStore}). Each request reads the current manifest of every
 * scenario it touches exactly once, at its start ({@link PublishedRuns}: a {@code stat} per request,
 * the JSON re-parsed only when the file changed), and takes everything else from that one object:
 * <ul>
 *   <li>the data: its queries run against DuckDB relations created for that run id alone
 *       ({@link RunViews}, schema {@code run_<n>}) over exactly the files the manifest lists, never a
 *       glob over {@code runs/}; the request holds a lease on them ({@link RunCatalog}), so a publish
 *       in the middle of a request neither changes nor removes what it reads;</li>
 *   <li>the validators: ETag is the run id (a hash of the scenario/run pairs for answers spanning
 *       scenarios) and Last-Modified the publish time, so a 304 means "same run".</li>
 * </ul>
 * A publish is therefore visible to the next request without a restart, and no answer ever mixes two
 * runs. A {@link PublishWatcher} prepares newly published runs in the background and drops replaced
 * ones once idle; it affects latency, never what a request sees.
 *
 * <h2>Security</h2>
 *
 * API keys ({@link ApiKeys}, SHA-256 hashes in a file) map to the scenarios each caller may read;
 * anything else is a 404 indistinguishable from a missing scenario. Requests never carry SQL: column
 * and filter names are checked against the manifest's columns, values are bound parameters, and
 * DuckDB itself can read nothing but the published runs and the committed monthly actuals
 * ({@link MartDatabase}). Every error is JSON
 * {@code {error, parameter, status}} without paths or stack traces.
 */
public final class QueryApiServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(QueryApiServer.class);
    private static final Logger ACCESS = LoggerFactory.getLogger("io.planwise.api.access");

    /**
     * Every route, in OpenAPI notation; the OpenAPI document lists exactly these. (The page's own
     * scripts, styles and vendored chart library are files of "/", served by {@link StaticResources},
     * not routes of the API.)
     */
    static final List<String> ROUTES = List.of(
            "/", "/health", "/ready", "/openapi.json",
            "/api/v1/status", "/api/v1/scenarios",
            "/api/v1/scenarios/{id}/summary", "/api/v1/scenarios/{id}/needs",
            "/api/v1/scenarios/{id}/bands", "/api/v1/scenarios/{id}/bands/exceedance",
            "/api/v1/scenarios/{id}/events", "/api/v1/scenarios/{id}/snapshot",
            "/api/v1/scenarios/{id}/census-issues", "/api/v1/scenarios/{id}/checks",
            "/api/v1/scenarios/{id}/employees/{employee_id}", "/api/v1/scenarios/{id}/plan-vs-actual",
            "/api/v1/compare");

    private static final String ERROR_WRITTEN = "planwise.error-written";

    private final Javalin app;
    private final MartDatabase database;
    private final RunCatalog catalog;
    private final PublishWatcher watcher;
    private final EmployeeIndex employeeIndex;
    private final WorkDirectory workDir;

    private QueryApiServer(Javalin app, MartDatabase database, RunCatalog catalog, PublishWatcher watcher,
            EmployeeIndex employeeIndex, WorkDirectory workDir) {
        this.app = app;
        this.database = database;
        this.catalog = catalog;
        this.watcher = watcher;
        this.employeeIndex = employeeIndex;
        this.workDir = workDir;
    }

    public static void main(String[] args) {
        ServerOptions options;
        try {
            options = ServerOptions.parse(args);
        } catch (ServerOptions.UsageError e) {
            if (e.getMessage() != null) {
                System.err.println("planwise-api: error: " + e.getMessage());
            }
            System.err.println(ServerOptions.USAGE);
            System.exit(e.getMessage() == null ? 0 : 2);
            return;
        }
        try {
            QueryApiServer server = start(options);
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "shutdown"));
        } catch (RuntimeException e) {
            // One line for the operator (a bad key file, a port in use), not a stack trace.
            System.err.println("planwise-api: error: " + e.getMessage());
            System.exit(1);
        }
    }

    /**
     * Starts a server; the warehouse is scanned once before this returns.
     *
     * @throws IllegalArgumentException if the warehouse is missing or the key file is invalid
     */
    static QueryApiServer start(ServerOptions options) {
        if (!Files.isDirectory(options.warehouse())) {
            throw new IllegalArgumentException("The warehouse " + options.warehouse() + " is not a directory.");
        }
        Authentication authentication = options.noAuth() ? Authentication.none()
                : Authentication.withKeys(ApiKeys.load(options.keysFile()));
        WarehouseLayout layout = new WarehouseLayout(realPath(options.warehouse()));
        PublishedRuns published = new PublishedRuns(new ManifestStore(layout));
        ActualsFiles actuals = new ActualsFiles(layout.root());
        // Without an employee index nothing is ever written to disk, so no work directory is made.
        WorkDirectory workDir = options.employeeIndexRows() < 0 ? null : WorkDirectory.create(options.workDir());
        // DuckDB reads the published runs and the committed monthly actuals, nothing else.
        MartDatabase database;
        try {
            database = MartDatabase.open(List.of(layout.runsDir(), actuals.dir()), options.connections(),
                    options.memoryLimit(), options.queryTimeout(), workDir == null ? null : workDir.path());
        } catch (RuntimeException e) {
            if (workDir != null) {
                workDir.close();
            }
            throw e;
        }
        EmployeeIndex employeeIndex = new EmployeeIndex(database, options.employeeIndexRows());
        RunCatalog catalog = new RunCatalog(database, published, options.memoryTableMaxRows(), employeeIndex);
        PublishWatcher watcher = new PublishWatcher(published, catalog);
        try {
            watcher.start(options.pollInterval().toMillis());
            ScenarioAccess access = new ScenarioAccess(published);
            PublishedMarts marts = new PublishedMarts(access, catalog, database,
                    new AnswerCache((long) options.answerCacheMegabytes() << 20));
            Javalin app = routes(configure(), authentication, access, marts, actuals, new HealthEndpoints(watcher));
            app.start(options.host(), options.port());
            LOG.info("Query API on http://{}:{}/ serving {} ({})", options.host(), app.port(), layout.root(),
                    options.noAuth() ? "NO AUTHENTICATION: --no-auth" : "API keys from " + options.keysFile());
            return new QueryApiServer(app, database, catalog, watcher, employeeIndex, workDir);
        } catch (RuntimeException e) {
            watcher.close();
            employeeIndex.close();
            database.close();
            if (workDir != null) {
                workDir.close();
            }
            throw e;
        }
    }

    /** The warehouse without symbolic links, so file paths and DuckDB's allowed directory agree. */
    private static Path realPath(Path warehouse) {
        try {
            return warehouse.toRealPath();
        } catch (IOException e) {
            throw new IllegalArgumentException("The warehouse " + warehouse + " cannot be resolved: " + e.getMessage(), e);
        }
    }

    private static Javalin configure() {
        return Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.startupWatcherEnabled = false;
            config.http.prefer405over404 = true;
            config.router.ignoreTrailingSlashes = true;
            config.jetty.modifyHttpConfiguration(http -> http.setSendServerVersion(false));
            config.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrorHandler()));
            config.jetty.modifyServletContextHandler(handler -> handler.setErrorHandler(new JsonErrorHandler()));
            // Refusals and slow answers at INFO; the steady stream of successes only at DEBUG, because a
            // console line per request costs more than a cached summary answer.
            config.requestLogger.http((ctx, ms) -> {
                if (ctx.statusCode() >= 400 || ms > 1000) {
                    ACCESS.info("{} {} {} {} ms", ctx.method(), route(ctx), ctx.statusCode(), Math.round(ms));
                } else if (ACCESS.isDebugEnabled()) {
                    ACCESS.debug("{} {} {} {} ms", ctx.method(), route(ctx), ctx.statusCode(), Math.round(ms));
                }
            });
        });
    }

    private static Javalin routes(Javalin app, Authentication authentication, ScenarioAccess access,
            PublishedMarts marts, ActualsFiles actuals, HealthEndpoints health) {
        StaticResources files = new StaticResources();
        SummaryEndpoint summary = new SummaryEndpoint(marts);
        NeedsEndpoint needs = new NeedsEndpoint(marts);
        app.before(ctx -> {
            ctx.header("X-Content-Type-Options", "nosniff");
            ctx.header("Referrer-Policy", "no-referrer");
            ctx.header("X-Frame-Options", "DENY");
        });
        app.before("/api/*", authentication::authenticate);
        files.serve(app);
        get(app, "/health", health::health);
        get(app, "/ready", health::ready);
        get(app, "/api/v1/status", new StatusEndpoint(access)::handle);
        get(app, "/api/v1/scenarios", new ScenariosEndpoint(access)::handle);
        get(app, "/api/v1/scenarios/{id}/summary", summary::handle);
        get(app, "/api/v1/scenarios/{id}/needs", needs::handle);
        get(app, "/api/v1/scenarios/{id}/bands", new BandsEndpoint(marts)::handle);
        get(app, "/api/v1/scenarios/{id}/bands/exceedance", new ExceedanceEndpoint(marts)::handle);
        get(app, "/api/v1/scenarios/{id}/events", new MartRowsEndpoint(marts, Marts.EVENTS, "events", List.of())::handle);
        get(app, "/api/v1/scenarios/{id}/snapshot",
                new MartRowsEndpoint(marts, Marts.SNAPSHOT, "snapshot", List.of())::handle);
        get(app, "/api/v1/scenarios/{id}/census-issues", new MartRowsEndpoint(marts, Marts.CENSUS_ISSUES,
                "census-issues", List.of("severity", "reason"))::handle);
        get(app, "/api/v1/scenarios/{id}/checks",
                new MartRowsEndpoint(marts, Marts.CHECKS, "checks", List.of("check_name", "passed"))::handle);
        get(app, "/api/v1/scenarios/{id}/employees/{employee_id}", new EmployeeHistoryEndpoint(marts)::handle);
        get(app, "/api/v1/scenarios/{id}/plan-vs-actual", new PlanVsActualEndpoint(marts, actuals)::handle);
        get(app, "/api/v1/compare", new CompareEndpoint(marts, needs, summary)::handle);

        app.exception(ApiError.class, (e, ctx) -> error(ctx, e.status(), e.getMessage(), e.parameter()));
        // Javalin's own refusals (no such route, wrong method), with fixed text rather than Javalin's.
        app.exception(HttpResponseException.class, (e, ctx) -> error(ctx, e.getStatus(),
                e.getStatus() == 404 ? "No such endpoint." : e.getStatus() == 405
                        ? JsonErrorHandler.METHOD_NOT_ALLOWED : "Request refused.", null));
        app.exception(Exception.class, (e, ctx) -> {
            String reference = UUID.randomUUID().toString().substring(0, 8);
            LOG.error("Request {} {} failed (reference {})", ctx.method(), route(ctx), reference, e);
            error(ctx, 500, "Internal error (reference " + reference + ").", null);
        });
        // Javalin's own answers (no route, wrong method) in the same JSON shape; ours are left alone.
        app.error(404, ctx -> {
            if (ctx.attribute(ERROR_WRITTEN) == null) {
                error(ctx, 404, "No such endpoint.", null);
            }
        });
        app.error(405, ctx -> {
            if (ctx.attribute(ERROR_WRITTEN) == null) {
                error(ctx, 405, JsonErrorHandler.METHOD_NOT_ALLOWED, null);
            }
        });
        return app;
    }

    /**
     * Binds a route for GET and for HEAD with the same handler, so a HEAD answers exactly what the GET
     * would (status, headers, the same authentication and scope checks) without its body, which Jetty
     * leaves out. Without this, Javalin answers HEAD itself with an empty 200, even for a scenario the
     * caller may not read.
     */
    static void get(Javalin app, String path, Handler handler) {
        app.get(path, handler);
        app.head(path, handler);
    }

    private static void error(Context ctx, int status, String message, String parameter) {
        ctx.attribute(ERROR_WRITTEN, Boolean.TRUE);
        Replies.error(ctx, status, message, parameter);
    }

    /**
     * The route template of a request for the log ({@code /api/v1/scenarios/{id}/summary}): never the
     * actual path or query, which carry employee ids.
     */
    private static String route(Context ctx) {
        try {
            return ctx.endpointHandlerPath();
        } catch (IllegalStateException noRoute) {
            return "(no route)";
        }
    }

    /** The port the server listens on (useful with port 0). */
    int port() {
        return app.port();
    }

    /** The runs that have DuckDB relations right now. */
    RunCatalog catalog() {
        return catalog;
    }

    /** Scans current/ now instead of waiting for the timer. */
    void scanNow() {
        watcher.scan();
    }

    /** Waits until every employee index queued so far is built (the load benchmark, tests). */
    boolean awaitEmployeeIndex(Duration timeout) throws InterruptedException {
        return employeeIndex.awaitIdle(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The runs ({@code scenario/run}) whose employee lookups read their {@link EmployeeIndex} copy. */
    Set<String> employeeIndexedRuns() {
        return employeeIndex.builtRuns();
    }

    /** The server's work directory, if it has one (tests). */
    Optional<Path> workDirectory() {
        return Optional.ofNullable(workDir).map(WorkDirectory::path);
    }

    @Override
    public void close() {
        app.stop();
        watcher.close();
        employeeIndex.close();
        database.close();
        if (workDir != null) {
            workDir.close();
        }
    }
}
