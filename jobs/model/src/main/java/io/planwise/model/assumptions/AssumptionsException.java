package io.planwise.model.assumptions;

/**
 * An assumption table that cannot be used. The message names the file, and the line (1 = header)
 * and column when the problem has one, e.g.
 * {@code config_age_bands.csv line 4, column max_value: 'abc' is not a number}.
 */
public class AssumptionsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;
    private final String column;

    /** {@code line} 0 and {@code column} null when the problem concerns the whole file. */
    public AssumptionsException(String file, int line, String column, String problem) {
        this(file, line, column, problem, null);
    }

    public AssumptionsException(String file, int line, String column, String problem, Throwable cause) {
        super(file + (line > 0 ? " line " + line : "") + (column != null ? ", column " + column : "")
                + ": " + problem, cause);
        this.file = file;
        this.line = line;
        this.column = column;
    }

    /** The file as named in the message: the path of a user file, "bundled default NAME" otherwise. */
    public String file() {
        return file;
    }

    /** 1-based line (the header is line 1), or 0. */
    public int line() {
        return line;
    }

    /** Column name, or null. */
    public String column() {
        return column;
    }
}
