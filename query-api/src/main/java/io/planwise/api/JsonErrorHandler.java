package io.planwise.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * Jetty's own error answers (a URI Jetty refuses before routing, such as an encoded {@code ..} segment,
 * an oversized header, a malformed request line) in the API's JSON shape instead of Jetty's HTML page.
 * The text is fixed per status: Jetty's reason can quote the offending request.
 */
final class JsonErrorHandler extends ErrorHandler {

    static final String METHOD_NOT_ALLOWED = "Method not allowed; the API answers GET and HEAD only.";

    JsonErrorHandler() {
        setShowStacks(false);
        setShowServlet(false);
        setShowMessageInTitle(false);
    }

    @Override
    protected void generateAcceptableResponse(Request baseRequest, HttpServletRequest request,
            HttpServletResponse response, int code, String message) throws IOException {
        baseRequest.setHandled(true);
        response.setContentType("application/json; charset=utf-8");
        response.getOutputStream().write(body(code));
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(new HttpField(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8"));
        return ByteBuffer.wrap(body(status));
    }

    static byte[] body(int status) {
        String message = switch (status) {
            case 400 -> "Bad request: the URI or a header is malformed or ambiguous.";
            case 404 -> "No such endpoint.";
            case 405 -> METHOD_NOT_ALLOWED;
            case 413 -> "Request too large.";
            case 414 -> "URI too long.";
            case 431 -> "Request headers too large.";
            // Refusals of the request's form, not server faults, though HTTP numbers them 5xx.
            case 501 -> "Not implemented: the API answers GET and HEAD only.";
            case 505 -> "HTTP version not supported: use HTTP/1.1 or HTTP/1.0.";
            default -> status >= 500 ? "Internal error." : "Request refused.";
        };
        return ("{\"error\":\"" + message + "\",\"parameter\":null,\"status\":" + status + "}")
                .getBytes(StandardCharsets.UTF_8);
    }
}
