package io.planwise.model.config;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;

/**
 * Turns a parsed {@code simulation_config.yaml} into {@link ScenarioValues}: finds each
 * {@link ScenarioKey} at its dotted path, checks its type and records its line. Ranges are checked later by
 * {@link ScenarioConfig}, which also re-checks them after command-line overrides.
 */
final class ScenarioConfigReader {
    private static final int MAX_INTEGER_DIGITS = 30;
    private static final int MAX_FRACTION_DIGITS = 30;

    private final YamlNode.Mapping root;
    private final String source;
    private final Map<String, Integer> lines = new HashMap<>();

    private ScenarioConfigReader(YamlNode.Mapping root, String source) {
        this.root = root;
        this.source = source;
    }

    static ScenarioConfig read(YamlNode.Mapping root, String source) {
        ScenarioConfigReader reader = new ScenarioConfigReader(root, source);
        ScenarioValues values = reader.values();
        return new ScenarioConfig(values, new ConfigOrigin(source, reader.lines));
    }

    private ScenarioValues values() {
        ScenarioValues v = new ScenarioValues();
        for (ScenarioKey key : ScenarioKey.values()) {
            Object written = read(key);
            if (written != null) {
                v.set(key, written);
            }
        }
        v.unknownKeys = UnusedKeys.of(root, source);
        return v;
    }

    /** The key's value as {@link ScenarioValues} keeps it, or null when absent (the default applies). */
    private Object read(ScenarioKey key) {
        return switch (key.type()) {
            case ID -> text(key.path());
            case INTEGER, LONG -> integer(key.path());
            case DECIMAL -> decimal(key.path());
            case DATE -> date(key.path());
        };
    }

    /** The scalar at {@code path}, or null when the key or one of its sections is absent or null. */
    private YamlNode.Scalar scalar(String path) {
        YamlNode.Mapping mapping = root;
        String[] parts = path.split("\\.");
        StringBuilder walked = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            walked.append(i == 0 ? "" : ".").append(parts[i]);
            YamlNode node = mapping.get(parts[i]);
            if (node == null || node instanceof YamlNode.Scalar s && s.isNull()) {
                return null;
            }
            if (i == parts.length - 1) {
                if (!(node instanceof YamlNode.Scalar s)) {
                    throw new ConfigException(source, path, node.line(),
                            "must be a single value, not " + YamlNode.describeKind(node));
                }
                lines.put(path, s.line());
                return s;
            }
            if (!(node instanceof YamlNode.Mapping section)) {
                throw new ConfigException(source, walked.toString(), node.line(),
                        "must be a mapping of keys, not " + YamlNode.describeKind(node));
            }
            mapping = section;
        }
        throw new AssertionError(path);
    }

    private String text(String path) {
        YamlNode.Scalar s = scalar(path);
        return s == null ? null : s.text();
    }

    /**
     * The exact decimal the user wrote, from the scalar's text (never via a double), without
     * trailing zeros so that {@code 0.10} and {@code 0.1} are the same value. Quoted numbers are
     * accepted, as PlanWise's own (pydantic) loader accepts them.
     */
    private BigDecimal decimal(String path) {
        YamlNode.Scalar s = scalar(path);
        if (s == null) {
            return null;
        }
        String text = s.text().strip();
        if (s.kind() == YamlNode.ScalarKind.NUMBER) {
            text = text.replace("_", ""); // YAML 1.1 digit separators, e.g. 500_000
        }
        if (s.kind() == YamlNode.ScalarKind.BOOLEAN) {
            throw new ConfigException(source, path, s.line(), "= '" + s.text() + "' is not a number");
        }
        BigDecimal value;
        try {
            value = new BigDecimal(text).stripTrailingZeros();
        } catch (NumberFormatException e) {
            throw new ConfigException(source, path, s.line(), "= '" + s.text() + "' is not a number");
        }
        // Exponents like 1e999999999 are valid decimals but would make every later step (plain
        // text, scale arithmetic) enormous; no v1 key is meaningful beyond these bounds.
        if (value.precision() - value.scale() > MAX_INTEGER_DIGITS || value.scale() > MAX_FRACTION_DIGITS) {
            throw new ConfigException(source, path, s.line(), "= '" + s.text() + "' is out of any usable range");
        }
        return canonical(value);
    }

    private BigDecimal integer(String path) {
        BigDecimal value = decimal(path);
        if (value != null && value.scale() > 0) {
            throw new ConfigException(source, path, lines.getOrDefault(path, 0),
                    "= " + value.toPlainString() + " is not a whole number");
        }
        return value;
    }

    private LocalDate date(String path) {
        YamlNode.Scalar s = scalar(path);
        if (s == null) {
            return null;
        }
        try {
            return LocalDate.parse(s.text().strip());
        } catch (DateTimeParseException e) {
            throw new ConfigException(source, path, s.line(), "= '" + s.text() + "' is not a date (YYYY-MM-DD)");
        }
    }

    static BigDecimal canonical(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
