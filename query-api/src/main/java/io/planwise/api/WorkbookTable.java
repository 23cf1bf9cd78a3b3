package io.planwise.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormat;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * A {@link ResultTable} as an Excel workbook (xlsx, Apache POI's streaming SXSSF writer, so a page of
 * 10,000 rows never sits in memory as cell objects): sheet "data" holds the table, a bold header row
 * frozen above typed cells, and sheet "run" the {@link RunSheet} of the answer.
 *
 * <p>Cells keep their types: whole numbers and decimals are numbers (money shown with two decimals),
 * DOUBLE statistics numbers, dates Excel dates ({@code yyyy-mm-dd}), instants Excel date-times in UTC,
 * booleans booleans, null an empty cell, and everything else text. Text is only ever a text cell,
 * never a formula: POI writes the value as an inline string, and text a spreadsheet would take for a
 * formula when edited ({@link CsvTable#looksLikeFormula}) is marked quote-prefixed, so it stays the
 * census's text exactly, without the apostrophe CSV needs. Text longer than a cell may hold (32,767
 * characters) is cut there.
 */
final class WorkbookTable {

    static final String DATA_SHEET = "data";

    /** Rows SXSSF keeps in memory before flushing them to its temporary file. */
    private static final int WINDOW = 200;
    private static final int MAX_TEXT = SpreadsheetVersion.EXCEL2007.getMaxTextLength();

    private final SXSSFWorkbook workbook;
    private final DataFormat formats;
    private final CellStyle header;
    private final CellStyle text;
    private final CellStyle guardedText;
    private final CellStyle date;
    private final CellStyle timestamp;
    private final Map<Integer, CellStyle> decimals = new HashMap<>();

    private WorkbookTable(SXSSFWorkbook workbook) {
        this.workbook = workbook;
        this.formats = workbook.createDataFormat();
        Font bold = workbook.createFont();
        bold.setBold(true);
        header = workbook.createCellStyle();
        header.setFont(bold);
        text = workbook.createCellStyle();
        guardedText = workbook.createCellStyle();
        guardedText.setQuotePrefixed(true);
        date = styleWithFormat("yyyy-mm-dd");
        timestamp = styleWithFormat("yyyy-mm-dd hh:mm:ss.000");
    }

    /** The workbook's bytes: {@code table} on sheet "data", {@code run} on sheet "run". */
    static byte[] bytes(ResultTable table, ResultTable run) {
        SXSSFWorkbook workbook = new SXSSFWorkbook(null, WINDOW, true, false);
        try {
            WorkbookTable writer = new WorkbookTable(workbook);
            writer.sheet(DATA_SHEET, table);
            writer.sheet(RunSheet.NAME, run);
            ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024 + table.rows().size() * 64);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            // Deletes SXSSF's temporary files as well.
            try {
                workbook.close();
            } catch (IOException ignored) {
                // the bytes are written; a temp file left behind is not the caller's problem
            }
        }
    }

    private void sheet(String name, ResultTable table) {
        SXSSFSheet sheet = workbook.createSheet(name);
        List<ResultTable.Column> columns = table.columns();
        Row head = sheet.createRow(0);
        for (int c = 0; c < columns.size(); c++) {
            Cell cell = head.createCell(c);
            cell.setCellValue(columns.get(c).name());
            cell.setCellStyle(header);
            sheet.setColumnWidth(c, Math.min(60, Math.max(12, columns.get(c).name().length() + 2)) * 256);
        }
        sheet.createFreezePane(0, 1);
        int r = 1;
        for (Object[] values : table.rows()) {
            Row row = sheet.createRow(r++);
            for (int c = 0; c < values.length; c++) {
                if (values[c] != null) {
                    write(row.createCell(c), values[c]);
                }
            }
        }
    }

    private void write(Cell cell, Object value) {
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            cell.setCellValue(((Number) value).longValue());
        } else if (value instanceof BigDecimal d) {
            cell.setCellValue(d.doubleValue());
            cell.setCellStyle(decimal(d.scale()));
        } else if (value instanceof BigInteger || value instanceof Double || value instanceof Float) {
            cell.setCellValue(((Number) value).doubleValue());
        } else if (value instanceof Boolean b) {
            cell.setCellValue(b);
        } else if (value instanceof LocalDate d) {
            cell.setCellValue(d);
            cell.setCellStyle(date);
        } else if (value instanceof Instant i) {
            cell.setCellValue(LocalDateTime.ofInstant(i, ZoneOffset.UTC));
            cell.setCellStyle(timestamp);
        } else {
            String s = value.toString();
            cell.setCellValue(s.length() > MAX_TEXT ? s.substring(0, MAX_TEXT) : s);
            cell.setCellStyle(CsvTable.looksLikeFormula(s) ? guardedText : text);
        }
    }

    /** {@code #,##0.00} for money, as many decimals as the value's scale (at most 10), none for whole ones. */
    private CellStyle decimal(int scale) {
        int places = Math.max(0, Math.min(10, scale));
        return decimals.computeIfAbsent(places,
                p -> styleWithFormat(p == 0 ? "#,##0" : "#,##0." + "0".repeat(p)));
    }

    private CellStyle styleWithFormat(String format) {
        CellStyle style = workbook.createCellStyle();
        style.setDataFormat(formats.getFormat(format));
        return style;
    }
}
