package io.planwise.connector.mart;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The marts a job writes, each bound to the job's record type, and the {@link Router} that tells
 * which mart (and partition) a record belongs to. Every sink of a run shares one catalog; the marts
 * of one catalog share their partition column (or all have none).
 */
public final class MartCatalog<T> implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Routes a record to its mart and to its simulation_year partition. */
    public interface Router<T> extends Serializable {
        String mart(T record);

        int partition(T record);

        /**
         * True for a record that carries no row but tells a batch sink that the rows its task
         * writes next belong to partitions it has not written yet (a trial task has finished a
         * year): the sink closes its open part files, see {@link MartSink}.
         */
        default boolean closesPartFiles(T record) {
            return false;
        }
    }

    private final Map<String, MartSchema<T>> marts = new LinkedHashMap<>();
    private final Router<T> router;
    private final String partitionColumn;
    /**
     * Bucket names already made, per mart and partition: the sink asks for every row's bucket, and a
     * run has only marts × years of them. Each sink task deserializes its own catalog, so one
     * thread uses a cache.
     */
    private transient Map<String, Map<Integer, String>> buckets;

    public MartCatalog(List<MartSchema<T>> schemas, Router<T> router) {
        for (MartSchema<T> s : schemas) {
            if (marts.put(s.name(), s) != null) {
                throw new IllegalArgumentException("mart " + s.name() + " is declared twice");
            }
        }
        this.partitionColumn = schemas.get(0).mart().partitionColumn();
        for (MartSchema<T> s : schemas) {
            if (!java.util.Objects.equals(s.mart().partitionColumn(), partitionColumn)) {
                throw new IllegalArgumentException("the marts of one catalog share their partition column; "
                        + s.name() + " has " + s.mart().partitionColumn() + ", not " + partitionColumn);
            }
        }
        this.router = router;
    }

    public MartSchema<T> schema(String mart) {
        MartSchema<T> s = marts.get(mart);
        if (s == null) {
            throw new IllegalArgumentException("no mart named " + mart + " in this catalog; known: " + marts.keySet());
        }
        return s;
    }

    public Map<String, MartSchema<T>> schemas() {
        return Map.copyOf(marts);
    }

    public Router<T> router() {
        return router;
    }

    public String partitionColumn() {
        return partitionColumn;
    }

    /** The bucket (directory below the run directory) of a record: {@code <mart>/<partitionColumn>=<value>}. */
    public String bucketOf(T record) {
        String mart = router.mart(record);
        if (partitionColumn == null) {
            return mart;
        }
        if (buckets == null) {
            buckets = new java.util.HashMap<>();
        }
        return buckets.computeIfAbsent(mart, m -> new java.util.HashMap<>())
                .computeIfAbsent(router.partition(record), value -> mart + "/" + partitionColumn + "=" + value);
    }
}
