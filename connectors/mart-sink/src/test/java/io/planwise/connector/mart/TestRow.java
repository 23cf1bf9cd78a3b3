package io.planwise.connector.mart;

import java.time.LocalDate;

/**
 * The tests' record type: one row of mart {@code alpha} or {@code beta} (see {@link TestMarts}),
 * which the router tells apart by {@link #mart}. Public so that Flink treats it as a POJO.
 *
 * @param mart the mart the row belongs to
 * @param year its simulation_year partition
 * @param id a unique id
 * @param label alpha: a required text; beta: a nullable note
 * @param cents alpha: a required money amount in cents
 * @param asOf alpha: a nullable date
 * @param flag beta: a required boolean
 * @param ratio beta: a required double
 * @param quantity beta: a nullable integer
 */
public record TestRow(String mart, int year, long id, String label, Long cents, LocalDate asOf,
        boolean flag, double ratio, Integer quantity) {

    public static TestRow alpha(int year, long id, String label, Long cents, LocalDate asOf) {
        return new TestRow(TestMarts.ALPHA_NAME, year, id, label, cents, asOf, false, 0, null);
    }

    public static TestRow beta(int year, long id, String note, boolean flag, double ratio, Integer quantity) {
        return new TestRow(TestMarts.BETA_NAME, year, id, note, null, null, flag, ratio, quantity);
    }
}
