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

    private final List<Band> bands;

    BandSet(List<Band> bandsOrderedByMin) {
        this.bands = List.copyOf(bandsOrderedByMin);
    }

    /** Ordered by min value. */
    public List<Band> bands() {
        return bands;
    }

    /** The band holding {@code value}; below the first band → the first; at or above the last max → the last. */
    public Band bandFor(int value) {
        for (Band band : bands) {
            if (value < band.maxValue()) {
                return band;
            }
        }
        return bands.get(bands.size() - 1);
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
