package io.planwise.model.assumptions;

import java.util.ArrayList;
import java.util.List;

/**
 * A small RFC 4180 reader: comma-separated, fields optionally in double quotes (which may hold
 * commas, line breaks and {@code ""} for a quote), LF or CRLF line ends. Unquoted fields are
 * trimmed, blank lines are skipped and a UTF-8 byte-order mark is dropped, because seed files are
 * often saved by spreadsheets. Each record keeps the line it starts on, for error messages.
 */
final class CsvReader {
    /** One record: its first physical line (1-based) and its fields. */
    record Record(int line, List<String> fields) {
    }

    private final String text;
    private final String file;
    private int pos;
    private int line = 1;

    private CsvReader(String text, String file) {
        this.text = text.startsWith("\uFEFF") ? text.substring(1) : text;
        this.file = file;
    }

    /** All non-blank records; {@code file} names the source in errors. */
    static List<Record> read(String text, String file) {
        return new CsvReader(text, file).records();
    }

    private List<Record> records() {
        List<Record> records = new ArrayList<>();
        while (pos < text.length()) {
            int start = line;
            List<String> fields = new ArrayList<>();
            boolean onlyBlank = true;
            while (true) {
                skipBlanks();
                boolean quoted = pos < text.length() && text.charAt(pos) == '"';
                String field = quoted ? quotedField() : unquotedField();
                onlyBlank &= !quoted && field.isEmpty();
                fields.add(field);
                if (pos >= text.length()) {
                    break;
                }
                char c = text.charAt(pos);
                if (c == ',') {
                    pos++;
                    continue;
                }
                endOfLine();
                break;
            }
            if (!(onlyBlank && fields.size() == 1)) {
                records.add(new Record(start, List.copyOf(fields)));
            }
        }
        return records;
    }

    private String unquotedField() {
        int from = pos;
        while (pos < text.length() && text.charAt(pos) != ',' && text.charAt(pos) != '\n' && text.charAt(pos) != '\r') {
            pos++;
        }
        return text.substring(from, pos).strip();
    }

    private String quotedField() {
        int openedOn = line;
        StringBuilder value = new StringBuilder();
        pos++; // opening quote
        while (true) {
            if (pos >= text.length()) {
                throw new AssumptionsException(file, openedOn, null, "quoted field is never closed");
            }
            char c = text.charAt(pos++);
            if (c == '"') {
                if (pos < text.length() && text.charAt(pos) == '"') {
                    value.append('"');
                    pos++;
                    continue;
                }
                break;
            }
            if (c == '\n' || (c == '\r' && (pos >= text.length() || text.charAt(pos) != '\n'))) {
                line++;
            }
            value.append(c);
        }
        // Only blanks may sit between the closing quote and the next comma or line end.
        skipBlanks();
        if (pos < text.length() && text.charAt(pos) != ',' && text.charAt(pos) != '\n' && text.charAt(pos) != '\r') {
            throw new AssumptionsException(file, line, null,
                    "unexpected '" + text.charAt(pos)
                            + "' after a closing quote (a quote inside a quoted field is written \"\")");
        }
        return value.toString();
    }

    private void skipBlanks() {
        while (pos < text.length() && (text.charAt(pos) == ' ' || text.charAt(pos) == '\t')) {
            pos++;
        }
    }

    private void endOfLine() {
        if (text.charAt(pos) == '\r') {
            pos++;
        }
        if (pos < text.length() && text.charAt(pos) == '\n') {
            pos++;
        }
        line++;
    }
}
