package io.planwise.api;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The files served as they are: the OpenAPI document, the web page and the chart library it draws
 * with (uPlot, MIT, from its webjar, with its licence). Each is a fixed classpath resource read once
 * and bound to a fixed route, so no request path ever reaches a file lookup.
 */
final class StaticResources {

    private static final String BASE = "/io/planwise/api/";
    /** uPlot's files in the webjar the pom depends on; the version is part of the path. */
    private static final String UPLOT = "/META-INF/resources/webjars/uplot/1.6.30/";

    /**
     * Scripts and styles from this server only, no inline script, no framing, and fetch() only to this
     * server: the page shows data from census files and must not be able to run any of it.
     */
    private static final String PAGE_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "connect-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private final byte[] openApi = load("openapi.json");
    private final byte[] page = load("web/index.html");
    private final byte[] script = load("web/app.js");
    private final byte[] style = load("web/app.css");
    private final byte[] chartScript = loadAbsolute(UPLOT + "dist/uPlot.iife.min.js");
    private final byte[] chartStyle = loadAbsolute(UPLOT + "dist/uPlot.min.css");
    private final byte[] chartLicence = loadAbsolute(UPLOT + "LICENSE");
    /** The tab's icon; without one the browser asks for /favicon.ico and logs the 404 as an error. */
    private final byte[] icon = ("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 16 16\">"
            + "<rect width=\"16\" height=\"16\" rx=\"3\" fill=\"#1d3557\"/>"
            + "<path d=\"M3 12V8h2v4zm4 0V5h2v7zm4 0V3h2v9z\" fill=\"#fff\"/></svg>")
            .getBytes(StandardCharsets.UTF_8);

    /** Binds "/", the page's files, the vendored chart library and /openapi.json, each for GET and HEAD. */
    void serve(Javalin app) {
        QueryApiServer.get(app, "/", this::page);
        QueryApiServer.get(app, "/app.js", ctx -> send(ctx, "text/javascript; charset=utf-8", script));
        QueryApiServer.get(app, "/app.css", ctx -> send(ctx, "text/css; charset=utf-8", style));
        QueryApiServer.get(app, "/icon.svg", ctx -> send(ctx, "image/svg+xml", icon));
        QueryApiServer.get(app, "/vendor/uplot/uPlot.iife.min.js", ctx -> send(ctx, "text/javascript; charset=utf-8", chartScript));
        QueryApiServer.get(app, "/vendor/uplot/uPlot.min.css", ctx -> send(ctx, "text/css; charset=utf-8", chartStyle));
        QueryApiServer.get(app, "/vendor/uplot/LICENSE", ctx -> send(ctx, "text/plain; charset=utf-8", chartLicence));
        QueryApiServer.get(app, "/openapi.json", this::openApi);
    }

    private static void send(Context ctx, String contentType, byte[] body) {
        ctx.contentType(contentType).result(body);
    }

    void openApi(Context ctx) {
        ctx.contentType("application/json; charset=utf-8").result(openApi);
    }

    void page(Context ctx) {
        ctx.header("Content-Security-Policy", PAGE_POLICY);
        ctx.contentType("text/html; charset=utf-8").result(page);
    }

    private static byte[] load(String name) {
        return loadAbsolute(BASE + name);
    }

    private static byte[] loadAbsolute(String resource) {
        try (InputStream in = StaticResources.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("The resource " + resource + " is missing from the jar.");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
