package io.planwise.sql;

import io.planwise.model.config.ScenarioConfig;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;

/**
 * Writes the one-row {@code params} table the models read the scenario from. Exact rates (g, nh, the
 * reject limit) go in as units / 10^scale integer pairs so the SQL sizes the workforce in integers;
 * rates that only feed doubles go in as the double nearest to the decimal, as the Java model reads them.
 */
final class ScenarioParameters {
    /** 10^30 x the largest headcount still fits a HUGEINT (about 1.7 x 10^38). */
    private static final int MAX_SCALE = 30;

    private ScenarioParameters() {}

    static void create(DuckDbSession db, ScenarioConfig config, int trial) throws SQLException {
        db.execute("""
                CREATE OR REPLACE TABLE params (
                    scenario_id VARCHAR, trial INTEGER, start_year INTEGER, end_year INTEGER,
                    random_seed UBIGINT, census_as_of_date DATE,
                    total_termination_rate DOUBLE,
                    target_growth_rate_units HUGEINT, target_growth_rate_denominator HUGEINT,
                    new_hire_termination_rate_units HUGEINT, new_hire_termination_rate_denominator HUGEINT,
                    max_reject_fraction_units HUGEINT, max_reject_fraction_denominator HUGEINT,
                    max_reject_fraction DOUBLE,
                    cola_rate DOUBLE, merit_budget DOUBLE,
                    promotion_rate_multiplier DOUBLE, promotion_base_increase_pct DOUBLE,
                    promotion_distribution_range DOUBLE, promotion_max_cap_pct DOUBLE,
                    promotion_max_cap_cents BIGINT)""");
        BigDecimal maxRejectFraction = (BigDecimal) config.describe().get("setup.max_reject_fraction");
        try (PreparedStatement s = db.connection().prepareStatement(
                "INSERT INTO params VALUES (?, ?, ?, ?, CAST(? AS UBIGINT), CAST(? AS DATE), ?, "
                        + "CAST(? AS HUGEINT), CAST(? AS HUGEINT), CAST(? AS HUGEINT), CAST(? AS HUGEINT), "
                        + "CAST(? AS HUGEINT), CAST(? AS HUGEINT), ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int i = 1;
            s.setString(i++, config.scenarioId());
            s.setInt(i++, trial);
            s.setInt(i++, config.startYear());
            s.setInt(i++, config.endYear());
            s.setString(i++, Long.toString(config.randomSeed()));
            s.setString(i++, config.censusAsOfDate().toString());
            s.setDouble(i++, config.totalTerminationRate().doubleValue());
            i = exact(s, i, "simulation.target_growth_rate", config.targetGrowthRate());
            i = exact(s, i, "workforce.new_hire_termination_rate", config.newHireTerminationRate());
            i = exact(s, i, "setup.max_reject_fraction", maxRejectFraction);
            s.setDouble(i++, config.maxRejectFraction());
            optional(s, i++, config.colaRate());
            optional(s, i++, config.meritBudget());
            s.setDouble(i++, config.promotionRateMultiplier());
            s.setDouble(i++, config.promotionBaseIncreasePct());
            s.setDouble(i++, config.promotionDistributionRange());
            s.setDouble(i++, config.promotionMaxCapPct());
            s.setLong(i, config.promotionMaxCapAmountCents());
            s.executeUpdate();
        }
    }

    /** Sets units and denominator (10^scale) of an exact decimal; returns the next parameter index. */
    private static int exact(PreparedStatement s, int i, String key, BigDecimal value) throws SQLException {
        BigDecimal v = value.scale() < 0 ? value.setScale(0) : value;
        if (v.scale() > MAX_SCALE) {
            throw new IllegalArgumentException(key + " = " + value.toPlainString() + " has more than " + MAX_SCALE
                    + " decimal places, more than the SQL engine sizes the workforce with");
        }
        s.setString(i, v.unscaledValue().toString());
        s.setString(i + 1, BigInteger.TEN.pow(v.scale()).toString());
        return i + 2;
    }

    private static void optional(PreparedStatement s, int i, java.util.OptionalDouble value) throws SQLException {
        if (value.isPresent()) {
            s.setDouble(i, value.getAsDouble());
        } else {
            s.setNull(i, Types.DOUBLE);
        }
    }
}
