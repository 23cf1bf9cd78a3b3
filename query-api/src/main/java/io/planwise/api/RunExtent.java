package io.planwise.api;

import io.planwise.warehouse.RunManifest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.StringJoiner;
import java.util.TreeSet;

/**
 * The years and levels a published run covers, and the check of a request's {@code year=} and
 * {@code level=} against them: a value outside the run is a 400 that names the parameter and what the
 * run has ("Parameter 'year' must be a year of this run, 2025 to 2029."), never an empty answer that
 * looks like "nothing happened that year".
 *
 * <p>The years are those the run's summary has files for (the manifest, no query); the levels are
 * the level ids of the run's summary rows, listed once per run. Each value of a repeated parameter is
 * checked; text that is no whole number gets the same answer as a number outside the run.
 */
final class RunExtent {

    private RunExtent() {}

    /** The years a run projects, ascending. */
    static List<Integer> years(RunManifest run) {
        return ScenariosEndpoint.years(run.marts().get(Marts.SUMMARY));
    }

    /** The years of several runs together, ascending (a year any of them projects). */
    static List<Integer> years(Collection<RunManifest> runs) {
        TreeSet<Integer> years = new TreeSet<>();
        runs.forEach(r -> years.addAll(years(r)));
        return List.copyOf(years);
    }

    /**
     * Checks every value of the named parameters (e.g. {@code year} and {@code simulation_year})
     * against {@code years}.
     *
     * @param whose "this run" or "these runs", for the message
     * @throws ApiError 400 naming the parameter and the years
     */
    static void checkYears(RequestParameters params, List<Integer> years, String whose, String... parameters) {
        for (String parameter : parameters) {
            for (String text : params.all(parameter)) {
                if (!contains(years, text)) {
                    throw ApiError.badParameter(parameter, "Parameter '" + parameter + "' must be " + yearRange(years,
                            whose) + ".");
                }
            }
        }
    }

    static void checkYears(RequestParameters params, RunManifest run, String... parameters) {
        checkYears(params, years(run), "this run", parameters);
    }

    /** {@code "a year of this run, 2025 to 2029"}, or that the run has none. */
    static String yearRange(List<Integer> years, String whose) {
        if (years.isEmpty()) {
            return "a year of " + whose + ", but " + whose + " projects no year";
        }
        return "a year of " + whose + ", " + years.get(0) + (years.size() == 1 ? "" : " to " + years.get(years.size() - 1));
    }

    /**
     * Checks every value of the named parameters against the run's levels.
     *
     * @param alsoAllowed a word also accepted (the bands' {@code all}), or null
     * @throws ApiError 400 naming the parameter and the run's levels
     */
    static void checkLevels(PublishedMarts marts, RunManifest run, RequestParameters params, String alsoAllowed,
            String... parameters) {
        List<String> asked = new ArrayList<>();
        for (String parameter : parameters) {
            asked.addAll(params.all(parameter));
        }
        if (asked.isEmpty()) {
            return;
        }
        List<Integer> levels = levels(marts, run);
        for (String parameter : parameters) {
            for (String text : params.all(parameter)) {
                if (!contains(levels, text) && !text.trim().equals(alsoAllowed)) {
                    StringJoiner ids = new StringJoiner(", ");
                    levels.forEach(l -> ids.add(String.valueOf(l)));
                    throw ApiError.badParameter(parameter, "Parameter '" + parameter + "' must be a level of this run"
                            + (levels.isEmpty() ? ", but this run has no level" : ": " + ids)
                            + (alsoAllowed == null ? "" : ", or '" + alsoAllowed + "'") + ".");
                }
            }
        }
    }

    /** The run's level ids, ascending: those its summary has rows for. */
    static List<Integer> levels(PublishedMarts marts, RunManifest run) {
        try (RunLease lease = marts.lease(run)) {
            RunViews views = lease.views();
            return views.listedLevels().orElseGet(() -> {
                views.requireMart(Marts.SUMMARY);
                String level = RunViews.quote(Marts.LEVEL);
                ResultTable t = marts.query(marts.deadline(), "SELECT DISTINCT " + level + " AS level_id FROM "
                        + views.relation(Marts.SUMMARY) + " WHERE " + level + " IS NOT NULL ORDER BY 1", List.of());
                List<Integer> ids = t.rows().stream().map(r -> ((Number) r[0]).intValue()).toList();
                views.rememberLevels(ids);
                return ids;
            });
        }
    }

    private static boolean contains(List<Integer> values, String text) {
        String t = text.trim();
        return t.matches("-?[0-9]{1,9}") && values.contains(Integer.parseInt(t));
    }
}
