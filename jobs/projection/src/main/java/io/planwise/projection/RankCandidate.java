package io.planwise.projection;

import io.planwise.model.projection.RankKey;

/** A candidate of a ranked selection with the number to select, so each task can keep only that many. */
public record RankCandidate(RankKey key, long limit) {}
