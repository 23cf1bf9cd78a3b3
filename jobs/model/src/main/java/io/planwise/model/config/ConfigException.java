package io.planwise.model.config;

/**
 * A scenario configuration that cannot be used. The message always names the source (the file,
 * or the file plus command-line overrides) and, for a bad value, the key's dotted path; the YAML
 * line is added when it is known, e.g.
 * {@code conf/simulation_config.yaml: workforce.total_termination_rate = 1.5 is out of range [0, 1] (line 24)}.
 */
public class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final String keyPath;
    private final int line;

    /** A problem with one key; {@code line} is 0 when unknown. */
    public ConfigException(String source, String keyPath, int line, String problem) {
        this(source + ": " + keyPath + " " + problem + at(line), source, keyPath, line, null);
    }

    /** A problem with the document itself (unreadable file, malformed YAML); no key path. */
    public ConfigException(String source, int line, String problem, Throwable cause) {
        this(source + ": " + problem, source, null, line, cause);
    }

    private ConfigException(String message, String source, String keyPath, int line, Throwable cause) {
        super(message, cause);
        this.source = source;
        this.keyPath = keyPath;
        this.line = line;
    }

    /**
     * An unknown key that looks like a typo of a known one, e.g.
     * {@code conf/simulation_config.yaml: simulaton: did you mean simulation? (line 3)}.
     */
    static ConfigException didYouMean(String source, String keyPath, int line, String knownPath) {
        return new ConfigException(source + ": " + keyPath + ": did you mean " + knownPath + "?" + at(line),
                source, keyPath, line, null);
    }

    private static String at(int line) {
        return line > 0 ? " (line " + line + ")" : "";
    }

    /** The file (or other source) the configuration came from. */
    public String source() {
        return source;
    }

    /** The dotted key path, e.g. {@code workforce.total_termination_rate}; null for document-level errors. */
    public String keyPath() {
        return keyPath;
    }

    /** The 1-based YAML line, or 0 when unknown. */
    public int line() {
        return line;
    }
}
