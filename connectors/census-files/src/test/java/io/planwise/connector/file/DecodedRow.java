package io.planwise.connector.file;


import java.util.Arrays;
import java.util.List;

/** What a decoder was given for one row, kept whole so tests can assert every part of it. */
record DecodedRow(long rowNumber, List<String> values, int fieldCount, String raw) {

    static DecodedRow of(long rowNumber, int fieldCount, String raw, String... values) {
        return new DecodedRow(rowNumber, Arrays.asList(values), fieldCount, raw);
    }
}
