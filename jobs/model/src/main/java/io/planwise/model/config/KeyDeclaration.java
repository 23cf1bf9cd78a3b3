package io.planwise.model.config;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The fluent form of one {@link ScenarioKey} declaration, so each line of the table reads as
 * "key, type, default, range, where SQL gets it, what it means". Only used while the enum is built.
 */
final class KeyDeclaration {
    final String path;
    final KeyType type;
    String defaultText;
    String unsetMeaning;
    Function<ScenarioConfig, Object> derived;
    DecimalRange range;
    String rule;
    String meaning;
    String paramsColumn;
    List<ParamsForm> paramsForms = List.of();

    private KeyDeclaration(String path, KeyType type) {
        this.path = Objects.requireNonNull(path);
        this.type = Objects.requireNonNull(type);
    }

    static KeyDeclaration key(String dottedPath, KeyType type) {
        return new KeyDeclaration(dottedPath, type);
    }

    /** The value of an absent or null key, written as in the YAML. */
    KeyDeclaration byDefault(String text) {
        this.defaultText = text;
        return this;
    }

    /** No default: an absent key stays unset, which means what {@code meaning} says. */
    KeyDeclaration unset(String meaning) {
        this.unsetMeaning = meaning;
        return this;
    }

    /** No default of its own: an absent key takes {@code effective} of the other keys, e.g. a date from the start year. */
    KeyDeclaration unset(String meaning, Function<ScenarioConfig, Object> effective) {
        this.unsetMeaning = meaning;
        this.derived = effective;
        return this;
    }

    /** Inclusive bounds; {@code max} null for "at least min". */
    KeyDeclaration range(String min, String max) {
        this.range = max == null ? DecimalRange.atLeast(min) : DecimalRange.of(min, max);
        return this;
    }

    /** A rule beyond type and range, checked by {@link ScenarioConfig} because it involves other keys or cents. */
    KeyDeclaration rule(String text) {
        this.rule = text;
        return this;
    }

    /** The column (or, for {@link ParamsForm#EXACT}, the column prefix) of the SQL engine's {@code params} table. */
    KeyDeclaration params(String column, ParamsForm... forms) {
        this.paramsColumn = column;
        this.paramsForms = List.of(forms);
        return this;
    }

    /** One line for planners: what the key changes in the projection. */
    KeyDeclaration means(String text) {
        this.meaning = text;
        return this;
    }
}
