package io.planwise.model.projection;

/** A count over a shard's employees (the year's experienced terminations), summed over the shards. */
public record Count(long value) implements ShardFact<Count> {
    @Override
    public Count merge(Count other) {
        return new Count(Math.addExact(value, other.value));
    }
}
