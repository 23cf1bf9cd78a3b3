package io.planwise.sql;

import io.planwise.model.config.ParamsForm;
import io.planwise.model.config.ScenarioConfig;
import io.planwise.model.config.ScenarioKey;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes the one-row {@code params} table the models read the scenario from: one or more columns
 * per {@link ScenarioKey} that declares {@code params(...)}, in declaration order (the ensemble's
 * {@code trials}, {@code detail_trials} and {@code min_trials_for_bands} among them; the trials
 * themselves are the {@code stg_trials} model). Exact rates (g, nh, the reject limit) go in as units / 10^scale integer pairs so the
 * SQL sizes the workforce in integers; rates that only feed doubles go in as the double nearest to
 * the decimal, as the Java model reads them. The models read the columns by name.
 */
final class ScenarioParameters {
    /** 10^30 x the largest headcount still fits a HUGEINT (about 1.7 x 10^38). */
    private static final int MAX_SCALE = 30;

    private ScenarioParameters() {}

    /** One column of {@code params}: its DuckDB type, its placeholder and how its value is bound. */
    private record Column(String name, String type, String placeholder, Binder binder) {
        static Column of(String name, String type, Binder binder) {
            return new Column(name, type, "?", binder);
        }

        /** Bound as text and cast by DuckDB, for types JDBC has no setter for. */
        static Column cast(String name, String type, Object text) {
            return new Column(name, type, "CAST(? AS " + type + ")",
                    (s, i) -> s.setString(i, text == null ? null : text.toString()));
        }
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement s, int index) throws SQLException;
    }

    static void create(DuckDbSession db, ScenarioConfig config) throws SQLException {
        List<Column> columns = new ArrayList<>();
        for (ScenarioKey key : ScenarioKey.values()) {
            for (ParamsForm form : key.paramsForms()) {
                columns.addAll(columns(key, form, config.value(key)));
            }
        }
        db.execute("CREATE OR REPLACE TABLE params ("
                + columns.stream().map(c -> c.name() + " " + c.type()).collect(Collectors.joining(", ")) + ")");
        try (PreparedStatement s = db.connection().prepareStatement("INSERT INTO params VALUES ("
                + columns.stream().map(Column::placeholder).collect(Collectors.joining(", ")) + ")")) {
            for (int i = 0; i < columns.size(); i++) {
                columns.get(i).binder().bind(s, i + 1);
            }
            s.executeUpdate();
        }
    }

    /** The columns of one form of a key's value (String, BigDecimal or LocalDate; null when unset). */
    private static List<Column> columns(ScenarioKey key, ParamsForm form, Object value) {
        String name = key.paramsColumn();
        return switch (form) {
            case TEXT -> List.of(Column.of(name, "VARCHAR", (s, i) -> s.setString(i, (String) value)));
            case INTEGER -> List.of(Column.of(name, "INTEGER", (s, i) -> s.setInt(i, ((BigDecimal) value).intValueExact())));
            case UNSIGNED -> List.of(Column.cast(name, "UBIGINT", ((BigDecimal) value).toBigIntegerExact()));
            case DATE -> List.of(Column.cast(name, "DATE", (LocalDate) value));
            case DOUBLE -> List.of(Column.of(name, "DOUBLE", (s, i) -> {
                if (value == null) {
                    s.setNull(i, Types.DOUBLE);
                } else {
                    s.setDouble(i, ((BigDecimal) value).doubleValue());
                }
            }));
            case EXACT -> exact(key, name, (BigDecimal) value);
            case CENTS -> List.of(Column.of(name, "BIGINT",
                    (s, i) -> s.setLong(i, ((BigDecimal) value).movePointRight(2).longValueExact())));
        };
    }

    /** Units and denominator (10^scale) of an exact decimal. */
    private static List<Column> exact(ScenarioKey key, String name, BigDecimal value) {
        BigDecimal v = value.scale() < 0 ? value.setScale(0) : value;
        if (v.scale() > MAX_SCALE) {
            throw new IllegalArgumentException(key.path() + " = " + value.toPlainString() + " has more than " + MAX_SCALE
                    + " decimal places, more than the SQL engine sizes the workforce with");
        }
        return List.of(Column.cast(name + "_units", "HUGEINT", v.unscaledValue()),
                Column.cast(name + "_denominator", "HUGEINT", BigInteger.TEN.pow(v.scale())));
    }
}
