package io.planwise.api;

import java.util.Locale;
import java.util.Optional;

/**
 * JSON, CSV or an Excel workbook (xlsx), from {@code ?format=} when given, else from the Accept header.
 * CSV and xlsx are the tabular formats: every endpoint whose answer is one table offers both.
 *
 * <p>An Accept header that cannot be parsed is ignored (JSON), as HTTP allows; one that rules out every
 * format the endpoint has is a 406. An unknown {@code format} value is a 400. With equal quality JSON
 * wins over CSV, and CSV over xlsx: a client has to ask for a workbook by its own media type.
 */
enum ResponseFormat {
    JSON("application/json", "json", true),
    CSV("text/csv", "csv", true),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx", false);

    static final String PARAMETER = "format";

    private final String mediaType;
    private final String extension;
    private final boolean text;

    ResponseFormat(String mediaType, String extension, boolean text) {
        this.mediaType = mediaType;
        this.extension = extension;
        this.text = text;
    }

    String contentType() {
        return text ? mediaType + "; charset=utf-8" : mediaType;
    }

    String mediaType() {
        return mediaType;
    }

    /** The {@code format=} value and file name extension: json, csv, xlsx. */
    String extension() {
        return extension;
    }

    /**
     * @param tabular whether the endpoint answers one table, and so can answer in CSV and xlsx too
     */
    static ResponseFormat negotiate(RequestParameters params, String accept, boolean tabular) {
        Optional<String> explicit = params.single(PARAMETER);
        if (explicit.isPresent()) {
            String f = explicit.get().trim().toLowerCase(Locale.ROOT);
            for (ResponseFormat format : values()) {
                if (format.extension.equals(f)) {
                    if (format != JSON && !tabular) {
                        throw ApiError.badParameter(PARAMETER, "This endpoint answers in JSON only (format=json).");
                    }
                    return format;
                }
            }
            throw ApiError.badParameter(PARAMETER, tabular ? "Parameter 'format' must be 'json', 'csv' or 'xlsx'."
                    : "This endpoint answers in JSON only (format=json).");
        }
        if (accept == null || accept.isBlank()) {
            return JSON;
        }
        double json = -1;
        double csv = -1;
        double xlsx = -1;
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
            // Only its own name: application/* and */* already mean JSON, which wins those ties.
            if (type.equals(XLSX.mediaType)) {
                xlsx = Math.max(xlsx, q);
            }
        }
        if (!understood) {
            return JSON;
        }
        if (tabular && xlsx > 0 && xlsx > csv && xlsx > json) {
            return XLSX;
        }
        if (tabular && csv > 0 && csv > json) {
            return CSV;
        }
        if (json > 0) {
            return JSON;
        }
        throw new ApiError(406, tabular ? "This endpoint answers in application/json, text/csv or " + XLSX.mediaType
                + "." : "This endpoint answers in application/json.", "Accept");
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
