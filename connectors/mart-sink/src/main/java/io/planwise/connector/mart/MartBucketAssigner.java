package io.planwise.connector.mart;

import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.streaming.api.functions.sink.filesystem.BucketAssigner;
import org.apache.flink.streaming.api.functions.sink.filesystem.bucketassigners.SimpleVersionedStringSerializer;

/** Hive-style buckets: {@code <mart>/simulation_year=<Y>}. */
final class MartBucketAssigner<T> implements BucketAssigner<T, String> {
    private static final long serialVersionUID = 1L;
    private final MartCatalog<T> catalog;

    MartBucketAssigner(MartCatalog<T> catalog) {
        this.catalog = catalog;
    }

    @Override
    public String getBucketId(T element, Context context) {
        return catalog.bucketOf(element);
    }

    @Override
    public SimpleVersionedSerializer<String> getSerializer() {
        return SimpleVersionedStringSerializer.INSTANCE;
    }
}
