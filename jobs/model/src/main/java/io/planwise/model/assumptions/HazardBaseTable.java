package io.planwise.model.assumptions;

/** Reads the one-row hazard base tables; every value is a rate or factor in [0, 1]. */
final class HazardBaseTable {
    private HazardBaseTable() {
    }

    static TerminationHazardBase termination(CsvTable table) {
        CsvRow row = onlyRow(table);
        return new TerminationHazardBase(
                row.probability("base_rate_for_new_hire").doubleValue(),
                row.probability("level_discount_factor").doubleValue(),
                row.probability("min_level_discount_multiplier").doubleValue());
    }

    static PromotionHazardBase promotion(CsvTable table) {
        CsvRow row = onlyRow(table);
        return new PromotionHazardBase(
                row.probability("base_rate").doubleValue(),
                row.probability("level_dampener_factor").doubleValue());
    }

    /** A second row would be silently ignored by PlanWise's SQL; here it is an error. */
    private static CsvRow onlyRow(CsvTable table) {
        if (table.rows().size() != 1) {
            throw new AssumptionsException(table.file(), table.rows().get(1).line(), null,
                    "the table must have exactly one data row, found " + table.rows().size());
        }
        return table.rows().get(0);
    }
}
