package io.planwise.model.assumptions;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads the hazard multiplier tables: one non-negative multiplier per band label, for every band. */
final class MultiplierTable {
    private MultiplierTable() {
    }

    /**
     * @param labelColumn {@code age_band} or {@code tenure_band}
     * @param bandFile    the band table's name, for messages
     */
    static Map<String, Double> read(CsvTable table, String labelColumn, BandSet bands, String bandFile) {
        Map<String, Double> multipliers = new LinkedHashMap<>();
        Map<String, Integer> lineOf = new HashMap<>();
        for (CsvRow row : table.rows()) {
            String label = row.key(labelColumn);
            Integer earlier = lineOf.putIfAbsent(label, row.line());
            if (earlier != null) {
                throw row.error(labelColumn, "duplicate band '" + label + "' (first on line " + earlier + ")");
            }
            if (bands.byLabel(label) == null) {
                throw row.error(labelColumn, "'" + label + "' is not a band_label of " + bandFile);
            }
            BigDecimal multiplier = row.nonNegative("multiplier");
            multipliers.put(label, multiplier.doubleValue());
        }
        for (Band band : bands.bands()) {
            if (!multipliers.containsKey(band.label())) {
                throw new AssumptionsException(table.file(), 0, labelColumn,
                        "no multiplier for band '" + band.label() + "' of " + bandFile);
            }
        }
        return Map.copyOf(multipliers);
    }
}
