package io.planwise.model.assumptions;

import java.io.Serializable;

/** A new-hire age and its integer weight, round(age_weight × 10^6) computed exactly from the seed text. */
public record AgeWeight(int hireAge, long weightMicros) implements Serializable {
}
