/**
 * Census staging (MODEL.md section 1.1). Every input row lands in exactly one bucket: rejected
 * (with a reason, in dq_census_issues), terminated_before_start, not_yet_hired, or baseline (the
 * start-of-year-1 workforce). Rows that are implausible but usable are kept and also listed, with
 * severity warning. The counts are reported and must add up to the number of rows read.
 *
 * <p>Decisions this package makes where MODEL.md is silent: an unparseable termination date is a
 * reject ({@code invalid_termination_date}) rather than "still employed"; a CSV record whose field
 * count differs from the header's is a reject ({@code malformed_row}), because its values may be
 * shifted into the wrong columns; dates are ISO {@code yyyy-MM-dd}, optionally followed by a
 * midnight time part as some exports write; compensation is a plain decimal number (no currency
 * symbols or thousands separators) rounded half away from zero to cents, at most 1,000,000,000 (so no
 * raise or payroll sum can overflow); warnings are listed only
 * for rows that are kept after the duplicate tie-break.
 */
package io.planwise.model.census;
