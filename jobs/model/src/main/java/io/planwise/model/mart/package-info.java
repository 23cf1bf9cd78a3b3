/**
 * The rows of the marts of MODEL.md section 4, one record type per mart. Every row carries
 * scenario_id, trial and simulation_year; money is integer cents (written as DECIMAL(18,2)).
 * Nullable columns are boxed types.
 */
package io.planwise.model.mart;
