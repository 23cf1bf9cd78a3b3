package io.planwise.model.assumptions;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads config_age_bands and config_tenure_bands. */
final class BandTable {
    private BandTable() {
    }

    /**
     * Bands sorted by min_value must start at 0 and chain exactly (each max is the next min), so
     * every age or tenure falls in exactly one band.
     */
    static BandSet read(CsvTable table) {
        List<Band> bands = new ArrayList<>();
        Map<Band, Integer> lineOf = new HashMap<>();
        Map<Integer, Integer> idLines = new HashMap<>();
        Map<String, Integer> labelLines = new HashMap<>();
        for (CsvRow row : table.rows()) {
            int id = row.integer("band_id");
            String label = row.key("band_label");
            int min = row.integer("min_value");
            int max = row.integer("max_value");
            Integer earlier = idLines.putIfAbsent(id, row.line());
            if (earlier != null) {
                throw row.error("band_id", "duplicate band_id " + id + " (first on line " + earlier + ")");
            }
            earlier = labelLines.putIfAbsent(label, row.line());
            if (earlier != null) {
                throw row.error("band_label", "duplicate band_label '" + label + "' (first on line " + earlier + ")");
            }
            if (min >= max) {
                throw row.error("max_value", "'" + row.text("max_value") + "' is not above min_value " + min);
            }
            Band band = new Band(id, label, min, max);
            bands.add(band);
            lineOf.put(band, row.line());
        }
        bands.sort(Comparator.comparingInt(Band::minValue));
        Band first = bands.get(0);
        if (first.minValue() != 0) {
            throw new AssumptionsException(table.file(), lineOf.get(first), "min_value",
                    "the lowest band '" + first.label() + "' starts at " + first.minValue() + "; it must start at 0");
        }
        for (int i = 1; i < bands.size(); i++) {
            Band previous = bands.get(i - 1);
            Band band = bands.get(i);
            if (band.minValue() != previous.maxValue()) {
                String problem = band.minValue() < previous.maxValue() ? "overlaps" : "leaves a gap after";
                throw new AssumptionsException(table.file(), lineOf.get(band), "min_value",
                        "band '" + band.label() + "' starting at " + band.minValue() + " " + problem + " band '"
                                + previous.label() + "' [" + previous.minValue() + ", " + previous.maxValue()
                                + "); each band must start where the previous one ends");
            }
        }
        return new BandSet(bands);
    }
}
