package io.planwise.api;

import io.javalin.http.Context;
import java.util.Enumeration;
import java.util.Optional;

/** Turns a request's key into a {@link Caller}, or refuses it with 401. */
final class Authentication {

    static final String KEY_HEADER = "X-API-Key";
    private static final String CALLER = "planwise.caller";
    private static final String BEARER = "Bearer ";

    /** Null when the server runs with --no-auth. */
    private final ApiKeys keys;

    private Authentication(ApiKeys keys) {
        this.keys = keys;
    }

    static Authentication withKeys(ApiKeys keys) {
        return new Authentication(keys);
    }

    static Authentication none() {
        return new Authentication(null);
    }

    /** Before-handler for {@code /api/*}: remembers the caller on the request or throws 401. */
    void authenticate(Context ctx) {
        // A repeated header is as ambiguous as a key header and a Bearer that differ: refuse, never pick one.
        if (keys != null && (repeated(ctx, KEY_HEADER) || repeated(ctx, "Authorization"))) {
            throw ApiError.unauthorized();
        }
        ctx.attribute(CALLER, callerOf(ctx.header(KEY_HEADER), ctx.header("Authorization")));
    }

    private static boolean repeated(Context ctx, String header) {
        Enumeration<String> values = ctx.req().getHeaders(header);
        int n = 0;
        while (values != null && values.hasMoreElements()) {
            values.nextElement();
            n++;
        }
        return n > 1;
    }

    /** The caller {@link #authenticate} found for this request. */
    static Caller caller(Context ctx) {
        Caller caller = ctx.attribute(CALLER);
        if (caller == null) {
            throw ApiError.unauthorized();
        }
        return caller;
    }

    private Caller callerOf(String keyHeader, String authorization) {
        if (keys == null) {
            return Caller.LOCAL;
        }
        String bearer = null;
        if (authorization != null) {
            if (!authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
                throw ApiError.unauthorized();
            }
            bearer = authorization.substring(BEARER.length()).trim();
        }
        // Two different keys in one request are ambiguous; refuse rather than pick one.
        if (keyHeader != null && bearer != null && !keyHeader.equals(bearer)) {
            throw ApiError.unauthorized();
        }
        String key = keyHeader != null ? keyHeader : bearer;
        Optional<Caller> caller = keys.authenticate(key);
        return caller.orElseThrow(ApiError::unauthorized);
    }
}
