package io.planwise.api;

import java.util.Locale;
import java.util.Optional;

/**
 * JSON or CSV, from {@code ?format=} when given, else from the Accept header.
 *
 * <p>An Accept header that cannot be parsed is ignored (JSON), as HTTP allows; one that rules out both
 * JSON and CSV is a 406. An unknown {@code format} value is a 400.
 */
enum ResponseFormat {
    JSON("application/json"),
    CSV("text/csv");

    static final String PARAMETER = "format";

    private final String mediaType;

    ResponseFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    String contentType() {
        return mediaType + "; charset=utf-8";
    }

    /**
     * @param csvAvailable whether the endpoint can answer in CSV
     */
    static ResponseFormat negotiate(RequestParameters params, String accept, boolean csvAvailable) {
        Optional<String> explicit = params.single(PARAMETER);
        if (explicit.isPresent()) {
            String f = explicit.get().trim().toLowerCase(Locale.ROOT);
            if (f.equals("json")) {
                return JSON;
            }
            if (f.equals("csv")) {
                if (!csvAvailable) {
                    throw ApiError.badParameter(PARAMETER, "This endpoint answers in JSON only (format=json).");
                }
                return CSV;
            }
            throw ApiError.badParameter(PARAMETER, "Parameter 'format' must be 'json' or 'csv'.");
        }
        if (accept == null || accept.isBlank()) {
            return JSON;
        }
        double json = -1;
        double csv = -1;
        boolean understood = false;
        for (String range : accept.split(",")) {
            String[] parts = range.trim().split(";");
            if (parts.length == 0) {
                continue;
            }
            String type = parts[0].trim().toLowerCase(Locale.ROOT);
            if (!type.matches("[a-z0-9!#$&^_.+\\-]+/[a-z0-9!#$&^_.+\\-*]+|\\*/\\*")) {
                continue;
            }
            understood = true;
            double q = quality(parts);
            if (type.equals("application/json") || type.equals("application/*") || type.equals("*/*")) {
                json = Math.max(json, q);
            }
            if (type.equals("text/csv") || type.equals("text/*") || type.equals("*/*")) {
                csv = Math.max(csv, q);
            }
        }
        if (!understood) {
            return JSON;
        }
        if (csvAvailable && csv > 0 && csv > json) {
            return CSV;
        }
        if (json > 0) {
            return JSON;
        }
        throw new ApiError(406, csvAvailable ? "This endpoint answers in application/json or text/csv."
                : "This endpoint answers in application/json.", "Accept");
    }

    private static double quality(String[] parts) {
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].trim();
            if (p.startsWith("q=")) {
                try {
                    double q = Double.parseDouble(p.substring(2));
                    return q >= 0 && q <= 1 ? q : 0;
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 1;
    }
}
