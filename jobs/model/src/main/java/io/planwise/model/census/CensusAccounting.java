package io.planwise.model.census;

import java.io.Serializable;

/**
 * How the census rows were accounted for. rowsRead is counted where rows enter staging, the
 * buckets where they leave it, so a row lost in between shows up as a mismatch.
 */
public record CensusAccounting(long rowsRead, long baseline, long terminatedBeforeStart, long notYetHired,
        long rejected, long warnings) implements Serializable {

    public static final CensusAccounting NONE = new CensusAccounting(0, 0, 0, 0, 0, 0);

    public CensusAccounting plus(CensusAccounting o) {
        return new CensusAccounting(rowsRead + o.rowsRead, baseline + o.baseline,
                terminatedBeforeStart + o.terminatedBeforeStart, notYetHired + o.notYetHired, rejected + o.rejected,
                warnings + o.warnings);
    }

    public boolean balanced() {
        return rowsRead == baseline + terminatedBeforeStart + notYetHired + rejected;
    }

    /**
     * Why staging must stop the run, or null: no baseline employee, or more rejects than the
     * scenario tolerates.
     */
    public String stopReason(double maxRejectFraction) {
        if (rowsRead == 0) {
            return "the census has no data rows";
        }
        // Exact decimals: in doubles 0.29 x 100 is 28.999999999999996, which would stop a run at exactly 29%.
        if (java.math.BigDecimal.valueOf(rejected).compareTo(
                java.math.BigDecimal.valueOf(maxRejectFraction).multiply(java.math.BigDecimal.valueOf(rowsRead))) > 0) {
            return String.format("%d of %d census rows (%.1f%%) were rejected, more than setup.max_reject_fraction = %s; "
                    + "raise the limit in the scenario config to project anyway and see each reject in dq_census_issues",
                    rejected, rowsRead, 100.0 * rejected / rowsRead, maxRejectFraction);
        }
        if (baseline == 0) {
            return "the census has no employee active on the as-of date (0 baseline rows of " + rowsRead + ")";
        }
        return null;
    }
}
