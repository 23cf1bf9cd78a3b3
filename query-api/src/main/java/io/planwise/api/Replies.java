package io.planwise.api;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/** Renders answers (a JSON body, or a table as JSON or CSV) and sends them with their validators. */
final class Replies {

    /** A rendered answer; immutable once made, so it can be sent many times. */
    record Answer(byte[] body, String contentType, String disposition) {}

    private Replies() {}

    /**
     * A tabular answer: JSON is {@code envelope} plus {@code columns}, {@code rows} and
     * {@code row_count}; CSV is the table alone, offered as {@code <csvName>.csv}.
     */
    static Answer table(ResponseFormat format, Map<String, Object> envelope, ResultTable table, String csvName) {
        if (format == ResponseFormat.CSV) {
            return new Answer(CsvTable.bytes(table), format.contentType(), "attachment; filename=\"" + csvName + ".csv\"");
        }
        Map<String, Object> body = new LinkedHashMap<>(envelope);
        body.put("columns", table.columns());
        body.put("row_count", table.rows().size());
        body.put("rows", table);
        return json(body);
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
