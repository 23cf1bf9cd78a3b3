package io.planwise.projection;

import io.planwise.model.census.CensusAccounting;
import io.planwise.model.census.CensusIssueTally;
import io.planwise.model.projection.NeedsPlan;
import io.planwise.model.projection.Population;
import io.planwise.model.projection.RankKey;
import io.planwise.model.projection.RunLedger;

/**
 * One small fact about the run that is computed over the whole workforce and then broadcast or
 * gathered at parallelism 1: exactly one field besides {@code year} is set. A single type lets
 * the pieces of a year's plan travel through one broadcast and be gathered by one operator.
 */
public record YearFact(
        int year,
        Population population,
        Long experiencedTerminations,
        NeedsPlan needs,
        RankKey reductionInForceCutoff,
        RankKey newHireTerminationCutoff,
        CensusAccounting census,
        CensusIssueTally censusIssues,
        RunLedger ledger) {

    public static YearFact population(int year, Population p) {
        return new YearFact(year, p, null, null, null, null, null, null, null);
    }

    public static YearFact terminations(int year, long count) {
        return new YearFact(year, null, count, null, null, null, null, null, null);
    }

    public static YearFact needs(NeedsPlan n) {
        return new YearFact(n.year(), null, null, n, null, null, null, null, null);
    }

    public static YearFact reductionInForceCutoff(int year, RankKey k) {
        return new YearFact(year, null, null, null, k, null, null, null, null);
    }

    public static YearFact newHireTerminationCutoff(int year, RankKey k) {
        return new YearFact(year, null, null, null, null, k, null, null, null);
    }

    public static YearFact census(CensusAccounting c) {
        return new YearFact(0, null, null, null, null, null, c, null, null);
    }

    public static YearFact censusIssues(CensusIssueTally t) {
        return new YearFact(0, null, null, null, null, null, null, t, null);
    }

    public static YearFact ledger(RunLedger l) {
        return new YearFact(0, null, null, null, null, null, null, null, l);
    }

    /** A name for the kind of fact, used as its key in broadcast state. */
    public String kind() {
        if (population != null) {
            return "population";
        }
        if (experiencedTerminations != null) {
            return "terminations";
        }
        if (needs != null) {
            return "needs";
        }
        if (reductionInForceCutoff != null) {
            return "rif_cutoff";
        }
        if (newHireTerminationCutoff != null) {
            return "nht_cutoff";
        }
        if (censusIssues != null) {
            return "census_issues";
        }
        return census != null ? "census" : "ledger";
    }
}
