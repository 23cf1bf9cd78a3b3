/**
 * The random-draw contract of MODEL.md section 2: every draw is a pure function of
 * (seed, trial, employee_id, year, stream), so the Flink job, the SQL models and any rerun agree
 * bit for bit whatever the parallelism or the order in which rows arrive.
 */
package io.planwise.model.draw;
