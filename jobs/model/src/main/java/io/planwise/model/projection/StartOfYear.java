package io.planwise.model.projection;

import io.planwise.model.draw.DrawStream;
import io.planwise.model.draw.RandomDraws;

/**
 * What an employee of the start-of-year workforce looks like on Jan 1 of year Y: age
 * (Y-1) - year(birth), tenure at Dec 31 of Y-1, and the termination hazard weight that feeds both
 * the population tally and the termination decision.
 */
public record StartOfYear(Employee employee, int year, int age, int tenure, long hazardWeight) {

    public static StartOfYear of(ProjectionParameters p, Employee e, int year) {
        return of(p, e, year, YearCalendar.december31(year - 1).toEpochDay());
    }

    /** The same with Dec 31 of year − 1 given as a day number, so a loop over the workforce derives it once. */
    static StartOfYear of(ProjectionParameters p, Employee e, int year, long previousDecember31) {
        int age = (year - 1) - e.birthDate().getYear();
        int tenure = YearCalendar.tenureYears(e.hireDay(), previousDecember31);
        return new StartOfYear(e, year, age, tenure, Hazards.terminationWeight(p, age, tenure, e.levelId()));
    }

    public double terminationProbability(ProjectionParameters p, Population population) {
        return Hazards.terminationProbability(p.terminationRate, population.headcount(), hazardWeight,
                population.totalHazardWeight());
    }

    public boolean terminatesExperienced(ProjectionParameters p, Population population) {
        return RandomDraws.uniform(employee.drawBase(), year, DrawStream.TERMINATION)
                < terminationProbability(p, population);
    }

    /** Rank for the reduction in force: smallest u(11) / w first; w = 0 sorts last. */
    public RankKey reductionInForceRank() {
        long key;
        if (hazardWeight == 0) {
            key = -1L;
        } else {
            double u = RandomDraws.uniform(employee.drawBase(), year, DrawStream.RIF_RANK);
            // Non-negative doubles order like their bit patterns, so the ratio becomes an exact key.
            key = Double.doubleToLongBits(u / hazardWeight);
        }
        return new RankKey(key, employee.employeeId());
    }
}
