package io.planwise.api;

import io.planwise.warehouse.MartColumn;
import io.planwise.warehouse.contract.ProjectionMarts;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Equality filters of a request turned into a WHERE clause with bound values.
 *
 * <p>A filter names a column of the mart, either directly ({@code ?event_category=hire}) or by one of
 * the short names analysts use ({@code year}, {@code level}, {@code status}). The column must be one
 * the manifest lists for the mart, and its manifest type decides how the value is parsed; the value
 * itself only ever reaches DuckDB as a bound parameter. A repeated parameter means any of its values
 * ({@code ?level=1&level=2}).
 */
final class MartFilters {

    /** Short names and the columns they stand for. */
    static final Map<String, String> ALIASES = Map.of(
            "year", ProjectionMarts.PARTITION_COLUMN,
            "level", "level_id",
            "status", "employment_status");

    private final List<String> conditions = new ArrayList<>();
    private final List<Object> values = new ArrayList<>();

    /**
     * The filters among the request's parameters, checked against {@code columns}.
     *
     * @param filterNames parameter names to treat as filters (the others are not this class's business)
     * @throws ApiError 400 naming the parameter when it does not apply to the mart or a value does not parse
     */
    static MartFilters of(RequestParameters params, List<String> filterNames, String mart, List<MartColumn> columns) {
        Map<String, MartColumn> byName = new LinkedHashMap<>();
        columns.forEach(c -> byName.put(c.name(), c));
        MartFilters filters = new MartFilters();
        for (String parameter : filterNames) {
            List<String> texts = params.all(parameter);
            if (texts.isEmpty()) {
                continue;
            }
            String columnName = ALIASES.getOrDefault(parameter, parameter);
            MartColumn column = byName.get(columnName);
            if (column == null) {
                throw ApiError.badParameter(parameter, "Parameter '" + parameter + "' does not apply to " + mart
                        + ": it has no column " + columnName + ".");
            }
            filters.add(parameter, column, texts);
        }
        return filters;
    }

    /** Parameter names a mart accepts as filters: its columns and the aliases that map to one of them. */
    static List<String> namesFor(List<MartColumn> columns) {
        List<String> names = new ArrayList<>();
        columns.forEach(c -> names.add(c.name()));
        ALIASES.forEach((alias, column) -> names.add(alias));
        Collections.sort(names);
        return names;
    }

    private void add(String parameter, MartColumn column, List<String> texts) {
        StringJoiner placeholders = new StringJoiner(", ");
        for (String text : texts) {
            values.add(parse(parameter, column, text));
            placeholders.add("?");
        }
        String quoted = RunViews.quote(column.name());
        conditions.add(texts.size() == 1 ? quoted + " = ?" : quoted + " IN (" + placeholders + ")");
    }

    /** {@code " WHERE a = ? AND b IN (?, ?)"}, or empty when there are no filters. */
    String whereClause() {
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    /** The bound values, in placeholder order. */
    List<Object> values() {
        return List.copyOf(values);
    }

    boolean isEmpty() {
        return conditions.isEmpty();
    }

    private static Object parse(String parameter, MartColumn column, String text) {
        String type = column.type().toUpperCase(Locale.ROOT);
        String t = text.trim();
        try {
            switch (type) {
                case "INTEGER", "SMALLINT", "TINYINT" -> {
                    // Bound as the column's own type, so DuckDB compares without casting the column.
                    return (int) RequestParameters.parseNumber(parameter, t, Integer.MIN_VALUE, Integer.MAX_VALUE);
                }
                case "BIGINT" -> {
                    return RequestParameters.parseNumber(parameter, t, Long.MIN_VALUE + 1, Long.MAX_VALUE);
                }
                case "VARCHAR" -> {
                    if (text.isEmpty() || text.chars().anyMatch(Character::isISOControl)) {
                        throw ApiError.badParameter(parameter, "Parameter '" + parameter
                                + "' must be non-empty text without control characters.");
                    }
                    return text;
                }
                case "DATE" -> {
                    return LocalDate.parse(t);
                }
                case "BOOLEAN" -> {
                    if (t.equalsIgnoreCase("true") || t.equalsIgnoreCase("false")) {
                        return Boolean.parseBoolean(t);
                    }
                    throw ApiError.badParameter(parameter, "Parameter '" + parameter + "' must be true or false.");
                }
                default -> {
                    // DOUBLE is left out on purpose: equality on floating point matches by accident.
                    if (type.startsWith("DECIMAL")) {
                        if (!t.matches("-?[0-9]{1,18}(\\.[0-9]{1,6})?")) {
                            throw ApiError.badParameter(parameter, "Parameter '" + parameter
                                    + "' must be a plain decimal number such as 1234.50.");
                        }
                        return new BigDecimal(t);
                    }
                    throw ApiError.badParameter(parameter, "Column " + column.name() + " cannot be filtered on.");
                }
            }
        } catch (DateTimeParseException e) {
            throw ApiError.badParameter(parameter, "Parameter '" + parameter + "' must be a date, YYYY-MM-DD.");
        }
    }
}
