package io.planwise.api;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/** Renders answers (a JSON body, or a table as JSON, CSV or a workbook) and sends them with their validators. */
final class Replies {

    /** A rendered answer; immutable once made, so it can be sent many times. */
    record Answer(byte[] body, String contentType, String disposition) {}

    private Replies() {}

    /**
     * A tabular answer: JSON is {@code envelope} plus {@code columns}, {@code rows} and
     * {@code row_count}; CSV is the table alone and xlsx the table with the answer's {@link RunSheet},
     * both offered as a file named by {@link Download#fileName}.
     */
    static Answer table(ResponseFormat format, Map<String, Object> envelope, ResultTable table, Download download) {
        if (format == ResponseFormat.CSV) {
            return new Answer(CsvTable.bytes(table), format.contentType(), attachment(download.fileName(format)));
        }
        if (format == ResponseFormat.XLSX) {
            return new Answer(WorkbookTable.bytes(table, RunSheet.of(download)), format.contentType(),
                    attachment(download.fileName(format)));
        }
        Map<String, Object> body = new LinkedHashMap<>(envelope);
        body.put("columns", table.columns());
        body.put("row_count", table.rows().size());
        body.put("rows", table);
        return json(body);
    }

    /** The file names are scenario ids, run ids and fixed words: nothing that needs quoting. */
    private static String attachment(String fileName) {
        return "attachment; filename=\"" + fileName + "\"";
    }

    static Answer json(Object body) {
        return new Answer(ApiJson.bytes(body), ResponseFormat.JSON.contentType(), null);
    }

    static void send(Context ctx, Validators validators, Answer answer) {
        if (validators != null) {
            validators.apply(ctx);
        }
        if (answer.disposition() != null) {
            ctx.header("Content-Disposition", answer.disposition());
        }
        ctx.contentType(answer.contentType()).result(answer.body());
    }

    static void error(Context ctx, int status, String message, String parameter) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", message);
        body.put("parameter", parameter);
        body.put("status", status);
        ctx.status(status).contentType(ResponseFormat.JSON.contentType()).result(ApiJson.bytes(body));
        if (status == 401) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"planwise\"");
        }
    }
}
