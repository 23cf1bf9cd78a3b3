package io.planwise.api;

import io.javalin.http.Context;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A request's query parameters, checked: names against what the endpoint accepts, numbers against
 * their ranges, and every value against a length cap. Each failure is a 400 naming the parameter.
 */
final class RequestParameters {

    /** Longest value accepted for any parameter; ids and filter values are far shorter. */
    static final int MAX_VALUE_LENGTH = 256;
    /** Most values a repeated filter parameter may carry. */
    static final int MAX_VALUES = 100;

    private final Map<String, List<String>> values;

    private RequestParameters(Map<String, List<String>> values) {
        this.values = values;
    }

    static RequestParameters of(Context ctx) {
        return new RequestParameters(ctx.queryParamMap());
    }

    static RequestParameters of(Map<String, List<String>> values) {
        return new RequestParameters(Map.copyOf(values));
    }

    /**
     * These parameters with {@code name} set to {@code newValues}: what an endpoint passes on once it has
     * filled in a default (summary and needs without {@code trial} read trial 0).
     */
    RequestParameters with(String name, List<String> newValues) {
        Map<String, List<String>> copy = new HashMap<>(values);
        copy.put(name, List.copyOf(newValues));
        return new RequestParameters(Map.copyOf(copy));
    }

    /** Names the request used. */
    Set<String> names() {
        return new TreeSet<>(values.keySet());
    }

    /** Fails with 400 on the first parameter (in name order) the endpoint does not know. */
    RequestParameters allowOnly(Set<String> allowed, String endpointDescription) {
        for (String name : names()) {
            if (!allowed.contains(name)) {
                throw ApiError.badParameter(printable(name), "Unknown parameter '" + printable(name) + "' for "
                        + endpointDescription + "; allowed: " + String.join(", ", new TreeSet<>(allowed)) + ".");
            }
        }
        return this;
    }

    /** The parameter's value if given once; 400 if given more than once or too long. */
    Optional<String> single(String name) {
        List<String> list = values.get(name);
        if (list == null || list.isEmpty()) {
            return Optional.empty();
        }
        if (list.size() > 1) {
            throw ApiError.badParameter(name, "Parameter '" + name + "' may be given only once.");
        }
        return Optional.of(checkLength(name, list.get(0)));
    }

    /** Every value of a parameter that may repeat ({@code ?level=1&level=2}); 400 beyond {@value #MAX_VALUES}. */
    List<String> all(String name) {
        List<String> list = values.getOrDefault(name, List.of());
        if (list.size() > MAX_VALUES) {
            throw ApiError.badParameter(name, "Parameter '" + name + "' may be given at most " + MAX_VALUES + " times.");
        }
        list.forEach(v -> checkLength(name, v));
        return list;
    }

    /** A whole number in {@code [min, max]}, or {@code fallback} when absent. */
    long number(String name, long fallback, long min, long max) {
        Optional<String> text = single(name);
        if (text.isEmpty()) {
            return fallback;
        }
        return parseNumber(name, text.get(), min, max);
    }

    static long parseNumber(String name, String text, long min, long max) {
        String t = text.trim();
        // Digits only: no '+', no exponent, no hex; Long.parseLong would accept '+5' and the like.
        if (t.matches("-?[0-9]{1,18}")) {
            long n = Long.parseLong(t);
            if (n >= min && n <= max) {
                return n;
            }
        }
        throw ApiError.badParameter(name, "Parameter '" + name + "' must be a whole number from " + min + " to "
                + max + ".");
    }

    private static String checkLength(String name, String value) {
        if (value.length() > MAX_VALUE_LENGTH) {
            throw ApiError.badParameter(name, "Parameter '" + name + "' is longer than " + MAX_VALUE_LENGTH
                    + " characters.");
        }
        return value;
    }

    /**
     * A parameter name as it may be echoed back: names are request text, so anything beyond a plain
     * identifier is not repeated in the answer.
     */
    static String printable(String name) {
        return name.matches("[A-Za-z0-9_.\\-]{1,64}") ? name : "(unprintable name)";
    }
}
