package io.planwise.model.assumptions;

import java.io.Serializable;
import java.util.List;

/**
 * Bands that cover [0, last max) without gaps or overlaps, ordered by min value (the loader
 * guarantees it). Values outside the covered range are clamped to the first or last band, so a
 * 101-year-old falls in "65+" even when that band ends at 100.
 */
public final class BandSet implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Ages and tenures are small: below this, a value's band index is a table lookup. */
    private static final int TABLE_SIZE = 256;

    private final List<Band> bands;
    private final int[] indexByValue;

    BandSet(List<Band> bandsOrderedByMin) {
        this.bands = List.copyOf(bandsOrderedByMin);
        this.indexByValue = new int[TABLE_SIZE];
        for (int v = 0; v < TABLE_SIZE; v++) {
            indexByValue[v] = scan(v);
        }
    }

    /** Ordered by min value. */
    public List<Band> bands() {
        return bands;
    }

    /** The band holding {@code value}; below the first band → the first; at or above the last max → the last. */
    public Band bandFor(int value) {
        return bands.get(indexFor(value));
    }

    /** The position of {@link #bandFor}'s band in {@link #bands}. */
    public int indexFor(int value) {
        return value >= 0 && value < TABLE_SIZE ? indexByValue[value] : scan(value);
    }

    private int scan(int value) {
        for (int i = 0; i < bands.size(); i++) {
            if (value < bands.get(i).maxValue()) {
                return i;
            }
        }
        return bands.size() - 1;
    }

    /** The band with this label, or null. */
    Band byLabel(String label) {
        for (Band band : bands) {
            if (band.label().equals(label)) {
                return band;
            }
        }
        return null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BandSet other && bands.equals(other.bands);
    }

    @Override
    public int hashCode() {
        return bands.hashCode();
    }

    @Override
    public String toString() {
        return "BandSet" + bands;
    }
}
