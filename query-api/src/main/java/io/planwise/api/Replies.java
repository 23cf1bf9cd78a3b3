package io.planwise.api;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes answers: a JSON body, or a table as JSON or CSV, with its validators. */
final class Replies {

    private Replies() {}

    /**
     * A tabular answer: JSON is {@code envelope} plus {@code columns}, {@code rows} and
     * {@code row_count}; CSV is the table alone, offered as {@code <csvName>.csv}.
     */
    static void table(Context ctx, ResponseFormat format, Validators validators, Map<String, Object> envelope,
            ResultTable table, String csvName) {
        validators.apply(ctx);
        if (format == ResponseFormat.CSV) {
            ctx.header("Content-Disposition", "attachment; filename=\"" + csvName + ".csv\"");
            ctx.contentType(format.contentType()).result(CsvTable.bytes(table));
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>(envelope);
        body.put("columns", table.columns());
        body.put("row_count", table.rows().size());
        body.put("rows", table);
        ctx.contentType(ResponseFormat.JSON.contentType()).result(ApiJson.bytes(body));
    }

    static void json(Context ctx, Validators validators, Object body) {
        if (validators != null) {
            validators.apply(ctx);
        }
        ctx.contentType(ResponseFormat.JSON.contentType()).result(ApiJson.bytes(body));
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
