package io.planwise.api;

/**
 * A request the API answers with an error status and a JSON body {@code {error, parameter}}.
 *
 * <p>The message is written to the caller as is, so it must never contain a file path, SQL text or
 * an exception message from below: it is built from fixed text and values the caller sent.
 */
final class ApiError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String parameter;

    ApiError(int status, String message, String parameter) {
        // No stack trace: these are expected answers, not faults, and are never logged with one.
        super(message, null, false, false);
        this.status = status;
        this.parameter = parameter;
    }

    static ApiError badParameter(String parameter, String message) {
        return new ApiError(400, message, parameter);
    }

    /** The one answer for a scenario that does not exist, is not published, or is not the caller's. */
    static ApiError noSuchScenario(String parameter) {
        return new ApiError(404, "No such scenario.", parameter);
    }

    static ApiError notFound(String message, String parameter) {
        return new ApiError(404, message, parameter);
    }

    static ApiError unauthorized() {
        return new ApiError(401, "A valid API key is required (header 'X-API-Key' or 'Authorization: Bearer <key>').",
                "X-API-Key");
    }

    static ApiError unavailable(String message) {
        return new ApiError(503, message, null);
    }

    int status() {
        return status;
    }

    /** The query parameter, path parameter or header at fault, or null. */
    String parameter() {
        return parameter;
    }
}
