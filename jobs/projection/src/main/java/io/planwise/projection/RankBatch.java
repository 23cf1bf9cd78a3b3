package io.planwise.projection;

import io.planwise.model.projection.RankKey;
import java.util.List;

/** One task's smallest ranks of a selection (at most {@code limit}), on their way to the cutoff. */
public record RankBatch(List<RankKey> keys, long limit) {}
