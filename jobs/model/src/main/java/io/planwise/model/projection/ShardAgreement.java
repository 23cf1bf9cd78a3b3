package io.planwise.model.projection;

/**
 * How the shards of one trial ({@link TrialShard}) agree on a fact: every shard gives its part
 * under the same name and year, and every shard gets back the merge of all parts. The calls come in
 * the same order in every shard (the year loop makes the same calls everywhere, because the agreed
 * facts decide what comes next), so an implementation may block until all parts are in. What comes
 * back is the merged fact's {@link ShardFact#agreed()}.
 */
public interface ShardAgreement {
    <F extends ShardFact<F>> F agree(String fact, int year, F part);

    /** A whole trial: its part is the whole fact. */
    ShardAgreement ALONE = new ShardAgreement() {
        @Override
        public <F extends ShardFact<F>> F agree(String fact, int year, F part) {
            return part.agreed();
        }
    };
}
