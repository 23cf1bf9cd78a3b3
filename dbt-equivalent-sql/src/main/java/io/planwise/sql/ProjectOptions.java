package io.planwise.sql;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The options of {@code planwise project}, parsed the same way ({@code --name value} or
 * {@code --name=value}); an unknown option or a missing value is a usage error.
 */
final class ProjectOptions {
    /** planwise project's options; --engine is what the launcher dispatches on, --dashboard-port has no use here. */
    static final Set<String> KNOWN = Set.of("census", "config", "assumptions", "warehouse", "parallelism", "scenario",
            "start-year", "end-year", "seed", "dashboard-port", "engine");

    private final Map<String, String> values = new HashMap<>();

    ProjectOptions(List<String> args) {
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (!a.startsWith("--")) {
                throw new UsageException("unexpected argument '" + a + "' for 'project'");
            }
            String name = a.substring(2);
            String value = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (!KNOWN.contains(name)) {
                throw new UsageException("unknown option --" + name + " for 'project'; known: --"
                        + String.join(", --", KNOWN.stream().sorted().toList()));
            }
            if (value == null) {
                if (i + 1 >= args.size() || args.get(i + 1).startsWith("--")) {
                    throw new UsageException("option --" + name + " needs a value");
                }
                value = args.get(++i);
            }
            values.put(name, value);
        }
        if (values.containsKey("engine") && !values.get("engine").equals("sql")) {
            throw new UsageException("this is the SQL engine; --engine must be sql, got '" + values.get("engine") + "'");
        }
    }

    String get(String name) {
        return values.get(name);
    }

    String get(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    String require(String name) {
        String v = values.get(name);
        if (v == null) {
            throw new UsageException("'project' needs --" + name);
        }
        return v;
    }

    long number(String name, long fallback) {
        String v = values.get(name);
        if (v == null) {
            return fallback;
        }
        try {
            return Long.parseLong(v.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be a whole number, got '" + v + "'");
        }
    }

    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}
