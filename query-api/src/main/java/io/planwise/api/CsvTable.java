package io.planwise.api;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

/**
 * A {@link ResultTable} as RFC 4180 CSV: a header line, CRLF line ends, fields quoted when they hold a
 * comma, quote or line break.
 *
 * <p>Text that a spreadsheet would run as a formula (starting with {@code = + - @}, tab or CR) gets a
 * leading apostrophe, because employee ids and reasons come from census files anyone could have
 * written and analysts open these files in Excel. Numbers are never touched.
 */
final class CsvTable {

    private CsvTable() {}

    /**
     * Whether a spreadsheet would take this text for a formula: it starts with {@code = + - @}, tab or
     * CR. The one rule for both CSV (a leading apostrophe) and workbooks ({@link WorkbookTable}).
     */
    static boolean looksLikeFormula(String text) {
        return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0;
    }

    static byte[] bytes(ResultTable table) {
        StringBuilder out = new StringBuilder(64 + table.rows().size() * 96);
        boolean first = true;
        for (ResultTable.Column c : table.columns()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            field(out, c.name(), true);
        }
        out.append("\r\n");
        for (Object[] row : table.rows()) {
            for (int i = 0; i < row.length; i++) {
                if (i > 0) {
                    out.append(',');
                }
                Object v = row[i];
                if (v == null) {
                    continue;
                }
                if (v instanceof BigDecimal d) {
                    out.append(d.toPlainString());
                } else if (v instanceof Number || v instanceof Boolean) {
                    out.append(v);
                } else {
                    field(out, v.toString(), v instanceof String);
                }
            }
            out.append("\r\n");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void field(StringBuilder out, String text, boolean guardFormula) {
        String value = guardFormula && looksLikeFormula(text) ? "'" + text : text;
        if (value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            out.append('"').append(value.replace("\"", "\"\"")).append('"');
        } else {
            out.append(value);
        }
    }
}
