package io.planwise.model.assumptions;

import java.io.Serializable;

/** A level's share of new hires, round(distribution_pct × 10^6) computed exactly from the seed text. */
public record LevelShare(int levelId, long shareMicros) implements Serializable {
}
