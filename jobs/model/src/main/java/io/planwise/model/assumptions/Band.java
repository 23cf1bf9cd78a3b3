package io.planwise.model.assumptions;

import java.io.Serializable;

/** An age or tenure band: holds the whole numbers in [minValue, maxValue). */
public record Band(int bandId, String label, int minValue, int maxValue) implements Serializable {

    public boolean contains(int value) {
        return value >= minValue && value < maxValue;
    }
}
