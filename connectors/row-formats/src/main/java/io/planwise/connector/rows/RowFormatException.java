package io.planwise.connector.rows;

import java.io.IOException;

/**
 * A file cannot be read as rows: it is empty, not in the format its name claims, malformed, or lacks a
 * column its decoder requires. The message is a sentence for a person and names the file.
 */
public class RowFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    public RowFormatException(String message) {
        super(message);
    }

    public RowFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
