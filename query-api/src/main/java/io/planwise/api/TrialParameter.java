package io.planwise.api;

import java.util.List;

/**
 * {@code trial=} of the per-trial endpoints (summary, needs): which trials of a Monte Carlo ensemble
 * (MODEL.md section 6) the rows are for.
 *
 * <p>Without it, trial 0: the detail trial, whose events and snapshot rows the run keeps, and the only
 * trial of a single projection, so a single-trial run answers exactly as before ensembles existed.
 * {@code trial=N} selects trial N; repeated, any of the values. Each value must be a trial of the run,
 * 0 … trials − 1 (the run's trial count, {@link PublishedMarts#trials}); anything else is a 400 that
 * names the range. The spread over all trials is what {@code /bands} answers.
 */
final class TrialParameter {

    static final String NAME = "trial";
    /** The detail trial. */
    static final int DEFAULT = 0;

    private TrialParameter() {}

    /**
     * The parameters with {@code trial} checked against the run and defaulted to {@value #DEFAULT}.
     *
     * @param trials how many trials the run has
     * @throws ApiError 400 naming the run's trials when a value is not one of them
     */
    static RequestParameters resolve(RequestParameters params, int trials) {
        List<String> asked = params.all(NAME);
        if (asked.isEmpty()) {
            return params.with(NAME, List.of(String.valueOf(DEFAULT)));
        }
        int count = Math.max(trials, 1);
        for (String text : asked) {
            String t = text.trim();
            if (!t.matches("[0-9]{1,9}") || Integer.parseInt(t) >= count) {
                throw ApiError.badParameter(NAME, "Parameter 'trial' must be a trial of this run: a whole number from 0 to "
                        + (count - 1) + " (the run has " + count + (count == 1 ? " trial" : " trials")
                        + "; trial 0, the default, is the detail trial).");
            }
        }
        return params;
    }
}
