package io.planwise.connector.rows;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;

/**
 * Splits RFC 4180 text into records: comma separator, double-quoted fields with {@code ""} escapes,
 * quoted fields spanning lines, CRLF, LF or CR line ends.
 *
 * <p>The parser owns a growable window of characters and keeps the current record in it until the
 * next one starts, so fields and the record's raw text are cut from one array with no copying per
 * character. Fields are kept as offsets and turned into strings only when asked for.
 *
 * <p>Deliberately lenient where RFC 4180 is silent and a person's spreadsheet is not: a quote inside
 * an unquoted field is a literal character, and text after a closing quote is appended to the field
 * (as Python's csv module does). A quote that is never closed is an error, because everything after
 * it would otherwise silently become one field.
 */
final class CsvRecordParser implements Closeable {

    /** Caps a record so that a binary or unbalanced file fails with a sentence, not an OutOfMemoryError. */
    static final int MAX_RECORD_CHARS = 1 << 20;

    private static final int INITIAL_WINDOW = 1 << 16;

    private final Reader in;
    private final String source;

    private char[] window = new char[INITIAL_WINDOW];
    private int pos;
    private int limit;
    private int recordStart;
    private boolean eof;
    /** Line number of the character at {@code pos}. */
    private long line = 1;

    private long recordLine;
    private int recordLength;
    private int fieldCount;
    private int[] fieldStart = new int[16];
    private int[] fieldEnd = new int[16];
    private boolean[] fieldQuoted = new boolean[16];
    private final StringBuilder unescaped = new StringBuilder();

    CsvRecordParser(Reader in, String source) throws IOException {
        this.in = in;
        this.source = source;
        if (fill() && window[pos] == '\uFEFF') {
            pos++;
        }
    }

    /**
     * Advances to the next record, skipping blank lines (empty or only spaces and tabs), which still
     * count for line numbers.
     *
     * @return false at the end of the input
     */
    boolean next() throws IOException {
        while (true) {
            recordStart = pos;
            if (pos >= limit && !fill()) {
                return false;
            }
            recordLine = line;
            fieldCount = 0;
            scanRecord();
            if (!isBlank()) {
                return true;
            }
        }
    }

    /** Line number (1-based) on which the current record starts. */
    long line() {
        return recordLine;
    }

    int fieldCount() {
        return fieldCount;
    }

    /** Field {@code i} of the current record, unquoted and unescaped; null when it is empty. */
    String field(int i) {
        int from = recordStart + fieldStart[i];
        int to = recordStart + fieldEnd[i];
        if (!fieldQuoted[i]) {
            return from == to ? null : new String(window, from, to - from);
        }
        return unquote(from, to);
    }

    /** The current record's text as it appeared, without its final line end. */
    String raw() {
        return new String(window, recordStart, recordLength);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private void scanRecord() throws IOException {
        while (true) {
            int start = pos - recordStart;
            boolean quoted = (pos < limit || fill()) && window[pos] == '"';
            if (quoted) {
                pos++;
                scanQuoted();
            }
            int delimiter = scanUnquoted();
            addField(start, pos - recordStart, quoted);
            if (delimiter == ',') {
                pos++;
                continue;
            }
            recordLength = pos - recordStart;
            if (delimiter == '\n') {
                pos++;
                line++;
            } else if (delimiter == '\r') {
                pos++;
                line++;
                if ((pos < limit || fill()) && window[pos] == '\n') {
                    pos++;
                }
            }
            return;
        }
    }

    /** Moves past the closing quote of a quoted field whose opening quote was just consumed. */
    private void scanQuoted() throws IOException {
        long openedOn = line;
        while (true) {
            if (pos >= limit && !fill()) {
                throw new RowFormatException(
                        source + " line " + openedOn + ": a quoted field opened on this line is never"
                                + " closed (the file ends inside the quotes)");
            }
            char c = window[pos++];
            if (c == '"') {
                if ((pos < limit || fill()) && window[pos] == '"') {
                    pos++;
                    continue;
                }
                return;
            }
            if (c == '\n') {
                line++;
            } else if (c == '\r' && !((pos < limit || fill()) && window[pos] == '\n')) {
                line++;
            }
        }
    }

    /** Moves to the next comma or line end; returns it, or -1 at the end of the input. */
    private int scanUnquoted() throws IOException {
        char[] w = window;
        int p = pos;
        int l = limit;
        while (true) {
            if (p >= l) {
                pos = p;
                if (!fill()) {
                    return -1;
                }
                w = window;
                p = pos;
                l = limit;
            }
            char c = w[p];
            if (c == ',' || c == '\n' || c == '\r') {
                pos = p;
                return c;
            }
            p++;
        }
    }

    private void addField(int start, int end, boolean quoted) {
        if (fieldCount == fieldStart.length) {
            int size = fieldCount * 2;
            fieldStart = Arrays.copyOf(fieldStart, size);
            fieldEnd = Arrays.copyOf(fieldEnd, size);
            fieldQuoted = Arrays.copyOf(fieldQuoted, size);
        }
        fieldStart[fieldCount] = start;
        fieldEnd[fieldCount] = end;
        fieldQuoted[fieldCount] = quoted;
        fieldCount++;
    }

    private boolean isBlank() {
        if (fieldCount != 1 || fieldQuoted[0]) {
            return false;
        }
        for (int i = recordStart + fieldStart[0], end = recordStart + fieldEnd[0]; i < end; i++) {
            if (window[i] != ' ' && window[i] != '\t') {
                return false;
            }
        }
        return true;
    }

    /** {@code from} is the opening quote; {@code to} ends the field (closing quote plus any tail). */
    private String unquote(int from, int to) {
        int contentEnd = to - 1;
        if (window[contentEnd] == '"' && contentEnd > from && indexOfQuote(from + 1, contentEnd) < 0) {
            return contentEnd == from + 1 ? null : new String(window, from + 1, contentEnd - from - 1);
        }
        unescaped.setLength(0);
        boolean inQuotes = true;
        for (int i = from + 1; i < to; i++) {
            char c = window[i];
            if (inQuotes && c == '"') {
                if (i + 1 < to && window[i + 1] == '"') {
                    unescaped.append('"');
                    i++;
                } else {
                    inQuotes = false;
                }
            } else {
                unescaped.append(c);
            }
        }
        return unescaped.length() == 0 ? null : unescaped.toString();
    }

    private int indexOfQuote(int from, int to) {
        for (int i = from; i < to; i++) {
            if (window[i] == '"') {
                return i;
            }
        }
        return -1;
    }

    /**
     * Reads more characters, keeping the current record (from {@code recordStart}) in the window;
     * offsets of its fields are relative to it, so they survive the move.
     *
     * @return false when nothing more could be read
     */
    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        int kept = limit - recordStart;
        if (kept >= MAX_RECORD_CHARS) {
            throw new RowFormatException(
                    source + " line " + recordLine + ": a record is longer than " + MAX_RECORD_CHARS
                            + " characters; this does not look like a CSV text file (or a quote is"
                            + " never closed)");
        }
        if (recordStart > 0) {
            System.arraycopy(window, recordStart, window, 0, kept);
            pos -= recordStart;
            recordStart = 0;
            limit = kept;
        } else if (limit == window.length) {
            window = Arrays.copyOf(window, Math.min(window.length * 2, MAX_RECORD_CHARS + 1));
        }
        int read;
        do {
            read = in.read(window, limit, window.length - limit);
        } while (read == 0);
        if (read < 0) {
            eof = true;
            return false;
        }
        limit += read;
        return true;
    }
}
