package parking.functions.testing;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.nio.charset.StandardCharsets;
import java.net.URLEncoder;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * HTTP API payload 2.0 events as API Gateway sends them: lower-case header names, form bodies
 * base64-encoded, {@code queryStringParameters} and {@code pathParameters} filled in.
 */
public final class Events {

    private final APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
    private final Map<String, String> headers = new LinkedHashMap<>();

    private Events(String method, String routeKeyPath, String rawPath) {
        event.setVersion("2.0");
        event.setRouteKey(method + " " + routeKeyPath);
        event.setRawPath(rawPath);
        event.setRawQueryString("");
        event.setHeaders(headers);
        headers.put("host", "api.example.com");
        headers.put("user-agent", "test");
        APIGatewayV2HTTPEvent.RequestContext context = new APIGatewayV2HTTPEvent.RequestContext();
        context.setRequestId(UUID.randomUUID().toString());
        context.setRouteKey(event.getRouteKey());
        context.setStage("$default");
        context.setTimeEpoch(System.currentTimeMillis());
        APIGatewayV2HTTPEvent.RequestContext.Http http = new APIGatewayV2HTTPEvent.RequestContext.Http();
        http.setMethod(method);
        http.setPath(rawPath);
        http.setProtocol("HTTP/1.1");
        http.setSourceIp("127.0.0.1");
        context.setHttp(http);
        event.setRequestContext(context);
    }

    /** A request for {@code routeKeyPath} (as in the template, e.g. {@code /users/{user_id}}) at {@code rawPath}. */
    public static Events request(String method, String routeKeyPath, String rawPath) {
        return new Events(method, routeKeyPath, rawPath);
    }

    public static Events request(String method, String path) {
        return new Events(method, path, path);
    }

    public Events pathParameter(String name, String value) {
        Map<String, String> params = event.getPathParameters() == null ? new HashMap<>() : new HashMap<>(event.getPathParameters());
        params.put(name, value);
        event.setPathParameters(params);
        return this;
    }

    /** Sets the raw query string and, as API Gateway does, the parsed parameters (repeats comma-joined). */
    public Events query(String rawQueryString) {
        event.setRawQueryString(rawQueryString);
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : rawQueryString.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            String[] parts = pair.split("=", 2);
            String name = java.net.URLDecoder.decode(parts[0], StandardCharsets.UTF_8);
            String value = parts.length > 1 ? java.net.URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "";
            params.merge(name, value, (a, b) -> a + "," + b);
        }
        event.setQueryStringParameters(params.isEmpty() ? null : params);
        return this;
    }

    public Events header(String name, String value) {
        headers.put(name.toLowerCase(java.util.Locale.ROOT), value);
        return this;
    }

    public Events bearer(String token) {
        return header("authorization", "Bearer " + token);
    }

    /** An urlencoded form body, base64-encoded as API Gateway delivers it; pairs of name, value. */
    public Events form(String... namesAndValues) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (body.length() > 0) {
                body.append('&');
            }
            body.append(URLEncoder.encode(namesAndValues[i], StandardCharsets.UTF_8))
                    .append('=')
                    .append(URLEncoder.encode(namesAndValues[i + 1], StandardCharsets.UTF_8));
        }
        return body("application/x-www-form-urlencoded", body.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** A multipart/form-data body, base64-encoded; pairs of name, value. */
    public Events multipart(String... namesAndValues) {
        String boundary = "----parking" + UUID.randomUUID().toString().replace("-", "");
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            body.append("--").append(boundary).append("\r\n")
                    .append("Content-Disposition: form-data; name=\"").append(namesAndValues[i]).append("\"\r\n\r\n")
                    .append(namesAndValues[i + 1]).append("\r\n");
        }
        body.append("--").append(boundary).append("--\r\n");
        return body("multipart/form-data; boundary=" + boundary, body.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Any body, base64-encoded as API Gateway does for non-text types. */
    public Events body(String contentType, byte[] bytes) {
        if (contentType != null) {
            headers.put("content-type", contentType);
        }
        event.setBody(Base64.getEncoder().encodeToString(bytes));
        event.setIsBase64Encoded(true);
        return this;
    }

    /** A body delivered as plain text, as {@code sam local} and API Gateway for text types do. */
    public Events plainBody(String contentType, String body) {
        if (contentType != null) {
            headers.put("content-type", contentType);
        }
        event.setBody(body);
        event.setIsBase64Encoded(false);
        return this;
    }

    public APIGatewayV2HTTPEvent build() {
        return event;
    }
}
