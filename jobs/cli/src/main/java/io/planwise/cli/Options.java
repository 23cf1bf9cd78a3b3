package io.planwise.cli;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The parsed {@code --name value} (or {@code --name=value}) options of one command, checked against
 * the options the command declares. Values are read with the sentences a planner understands when
 * they are wrong ({@link #wholeNumber}, {@link #atLeast}).
 */
public final class Options {
    private final String command;
    private final Map<String, String> values = new HashMap<>();

    private Options(String command) {
        this.command = command;
    }

    /**
     * @throws HelpRequested for {@code -h} or {@code --help} anywhere
     * @throws UsageException for an unknown option, a stray argument or a missing value
     */
    /** The one option whose value may also be given as a bare argument. */
    static final String BARE_ARGUMENT = "sql";

    public static Options parse(String command, List<String> args, List<Option> declared) {
        if (args.contains("--help") || args.contains("-h")) {
            throw new HelpRequested();
        }
        Options options = new Options(command);
        List<String> known = declared.stream().map(Option::name).toList();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (!a.startsWith("--")) {
                // A command with a --sql option takes its statement bare too: planwise query "SELECT …".
                if (known.contains(BARE_ARGUMENT) && !options.values.containsKey(BARE_ARGUMENT)) {
                    options.values.put(BARE_ARGUMENT, a);
                    continue;
                }
                throw new UsageException("unexpected argument '" + a + "' for '" + command + "'");
            }
            String name = a.substring(2);
            String value = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (!known.contains(name)) {
                throw new UsageException("unknown option --" + name + " for '" + command + "'; its options are --"
                        + known.stream().sorted().collect(Collectors.joining(", --")));
            }
            if (value == null) {
                if (i + 1 >= args.size() || args.get(i + 1).startsWith("--")) {
                    throw new UsageException("option --" + name + " needs a value");
                }
                value = args.get(++i);
            }
            if (options.values.put(name, value) != null) {
                throw new UsageException("option --" + name + " is given twice");
            }
        }
        return options;
    }

    /** Options made by code (a command calling another), checked like typed ones. */
    public static Options of(Command.Usage usage, String... nameValuePairs) {
        List<String> args = new java.util.ArrayList<>();
        for (int i = 0; i < nameValuePairs.length; i += 2) {
            if (nameValuePairs[i + 1] != null) {
                args.add("--" + nameValuePairs[i]);
                args.add(nameValuePairs[i + 1]);
            }
        }
        return parse(usage.name(), args, usage.options());
    }

    public String get(String name) {
        return values.get(name);
    }

    public String get(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    public String require(String name) {
        String v = values.get(name);
        if (v == null) {
            throw new UsageException("'" + command + "' needs --" + name);
        }
        return v;
    }

    /** A whole number (underscores allowed: 1_000_000), or fallback when absent. */
    public long wholeNumber(String name, long fallback) {
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

    /** A whole number of at least {@code min}, explained with {@code meaning} when it is smaller. */
    public int atLeast(String name, int min, int fallback, String meaning) {
        long n = wholeNumber(name, fallback);
        if (n < min || n > Integer.MAX_VALUE) {
            throw new UsageException("--" + name + " is " + meaning + ", so it must be a whole number of at least "
                    + min + "; got " + values.get(name));
        }
        return (int) n;
    }

    /** {@code -h} or {@code --help}: print the command's options and exit 0. */
    public static final class HelpRequested extends RuntimeException {
        private static final long serialVersionUID = 1L;

        HelpRequested() {
            super(null, null, false, false);
        }
    }
}
