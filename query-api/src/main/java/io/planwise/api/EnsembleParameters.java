package io.planwise.api;

import io.planwise.warehouse.RunManifest;
import io.planwise.warehouse.contract.EnsembleMetric;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * The parameters of the ensemble endpoints ({@code /bands} and {@code /bands/exceedance}), checked:
 * the metric (one of {@link EnsembleMetric}), the level (a level id or {@code all}), the year (one the
 * run projects) and a threshold (a finite decimal number). Each failure is a 400 naming the parameter;
 * no value ever reaches SQL but as a bound parameter, and the metric only ever selects a column the
 * contract names ({@link EnsembleMetric#summaryColumn()}).
 */
final class EnsembleParameters {

    static final String METRIC = "metric";
    static final String LEVEL = "level";
    static final String YEAR = "year";
    /** {@code level=all}: the all-levels figures, level_id NULL in the bands. */
    static final String ALL_LEVELS = "all";

    /** Plain decimal numbers, optionally with an exponent: no NaN, no infinity, no hex, no '+'. */
    private static final String DECIMAL = "-?[0-9]{1,30}(\\.[0-9]{1,30})?([eE][-+]?[0-9]{1,3})?";

    private EnsembleParameters() {}

    /**
     * What {@code level=} asks for: one level's rows ({@link #id}), the all-levels rows
     * ({@link #allLevels}), or neither (every row; the bands without {@code level}).
     */
    record Level(Integer id, boolean allLevels) {
        static final Level EVERY_ROW = new Level(null, false);
        static final Level ALL = new Level(null, true);

        /** As an answer echoes it: the level id, or {@code "all"}. */
        Object echo() {
            return allLevels ? ALL_LEVELS : id;
        }
    }

    /**
     * {@code metric=}: required, one of the metric names.
     *
     * @throws ApiError 400 naming the metrics otherwise
     */
    static EnsembleMetric metric(RequestParameters params) {
        String names = String.join(", ", EnsembleMetric.names());
        String name = params.single(METRIC).orElseThrow(() -> ApiError.badParameter(METRIC,
                "Parameter 'metric' is required: one of " + names + "."));
        for (EnsembleMetric m : EnsembleMetric.values()) {
            if (m.metricName().equals(name.trim())) {
                return m;
            }
        }
        throw ApiError.badParameter(METRIC, "Parameter 'metric' must be one of " + names + ".");
    }

    /** {@code level=}: a level id or {@code all}; {@code fallback} when absent. */
    static Level level(RequestParameters params, Level fallback) {
        Optional<String> text = params.single(LEVEL);
        if (text.isEmpty()) {
            return fallback;
        }
        String t = text.get().trim();
        if (t.equals(ALL_LEVELS)) {
            return Level.ALL;
        }
        if (t.matches("-?[0-9]{1,9}")) {
            return new Level(Integer.parseInt(t), false);
        }
        throw ApiError.badParameter(LEVEL, "Parameter 'level' must be a level id (a whole number) or 'all' for the "
                + "figures of all levels together.");
    }

    /**
     * {@code year=}: one of the years the run projects (those its summary has files for).
     *
     * @throws ApiError 400 naming the run's years when it is not one of them, or when it is required and absent
     */
    static Optional<Integer> year(RequestParameters params, RunManifest run, boolean required) {
        List<Integer> years = RunExtent.years(run);
        Optional<String> text = params.single(YEAR);
        if (text.isEmpty()) {
            if (required) {
                throw ApiError.badParameter(YEAR, "Parameter 'year' is required: " + RunExtent.yearRange(years,
                        "this run") + ".");
            }
            return Optional.empty();
        }
        RunExtent.checkYears(params, years, "this run", YEAR);
        return Optional.of(Integer.parseInt(text.get().trim()));
    }

    /**
     * A threshold: a finite decimal number such as {@code 105}, {@code 1234.50} or {@code 1.5e6}, in the
     * metric's unit (people, or dollars for money).
     */
    static BigDecimal threshold(String parameter, String text) {
        String t = text.trim();
        if (!t.matches(DECIMAL)) {
            throw ApiError.badParameter(parameter, "Parameter '" + parameter + "' must be a finite number such as 105, "
                    + "1234.50 or 1.5e6 (dollars for money metrics).");
        }
        return new BigDecimal(t);
    }
}
