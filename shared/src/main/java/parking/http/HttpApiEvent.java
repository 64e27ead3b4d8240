package parking.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The project's one model of an HTTP API (payload format 2.0) event, as API Gateway sends it to a
 * function: SnapStart priming and the tests build their requests with it. The event is written as
 * JSON and read back by {@link HttpApiSerializer}, the reader the runtime uses, so a handler gets
 * exactly what it would get from Lambda. Header names stay as given: real API Gateway lower-cases
 * them, {@code sam local} does not, and handlers accept both.
 */
public final class HttpApiEvent {

    private static final JsonFactory JSON = new JsonFactory();
    private static final HttpApiSerializer SERIALIZER = new HttpApiSerializer();

    private final String method;
    private final String routeKey;
    private final String rawPath;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final Map<String, String> query = new LinkedHashMap<>();
    private final Map<String, String> pathParameters = new LinkedHashMap<>();
    private String rawQueryString = "";
    private String requestId = UUID.randomUUID().toString();
    private String body;
    private boolean base64;

    private HttpApiEvent(String method, String routeKeyPath, String rawPath) {
        this.method = method;
        this.routeKey = method + " " + routeKeyPath;
        this.rawPath = rawPath;
    }

    /** A request of the route {@code method routeKeyPath} (as in the template, {@code /users/{user_id}}) at {@code rawPath}. */
    public static HttpApiEvent request(String method, String routeKeyPath, String rawPath) {
        return new HttpApiEvent(method, routeKeyPath, rawPath);
    }

    /** A request of a route without path variables. */
    public static HttpApiEvent request(String method, String path) {
        return new HttpApiEvent(method, path, path);
    }

    public HttpApiEvent pathParameter(String name, String value) {
        pathParameters.put(name, value);
        return this;
    }

    /** The raw query string and, as API Gateway does, its decoded parameters (repeated values comma-joined). */
    public HttpApiEvent query(String rawQueryString) {
        this.rawQueryString = rawQueryString;
        for (String pair : rawQueryString.split("&")) {
            if (!pair.isEmpty()) {
                String[] nameAndValue = pair.split("=", 2);
                query.merge(decoded(nameAndValue[0]), nameAndValue.length == 2 ? decoded(nameAndValue[1]) : "",
                        (first, next) -> first + "," + next);
            }
        }
        return this;
    }

    /** One decoded query parameter, whatever its characters, leaving the raw query string as it is. */
    public HttpApiEvent queryParameter(String name, String value) {
        query.put(name, value);
        return this;
    }

    public HttpApiEvent header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public HttpApiEvent bearer(String token) {
        return header("authorization", "Bearer " + token);
    }

    /** API Gateway's id of the request ({@code requestContext.requestId}); a random one unless set. */
    public HttpApiEvent requestId(String requestId) {
        this.requestId = requestId;
        return this;
    }

    /** An urlencoded form of pairs of name and value, base64-encoded as API Gateway delivers forms. */
    public HttpApiEvent form(String... namesAndValues) {
        StringBuilder form = new StringBuilder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            form.append(form.isEmpty() ? "" : "&")
                    .append(URLEncoder.encode(namesAndValues[i], StandardCharsets.UTF_8))
                    .append('=')
                    .append(URLEncoder.encode(namesAndValues[i + 1], StandardCharsets.UTF_8));
        }
        return body("application/x-www-form-urlencoded", form.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** A multipart/form-data form of pairs of name and value, base64-encoded. */
    public HttpApiEvent multipart(String... namesAndValues) {
        String boundary = "----parking" + UUID.randomUUID().toString().replace("-", "");
        StringBuilder form = new StringBuilder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            form.append("--").append(boundary).append("\r\n")
                    .append("Content-Disposition: form-data; name=\"").append(namesAndValues[i]).append("\"\r\n\r\n")
                    .append(namesAndValues[i + 1]).append("\r\n");
        }
        form.append("--").append(boundary).append("--\r\n");
        return body("multipart/form-data; boundary=" + boundary, form.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Any body, base64-encoded as API Gateway delivers every type but text, JSON, XML and JavaScript. */
    public HttpApiEvent body(String contentType, byte[] bytes) {
        return contentType(contentType).rawBody(Base64.getEncoder().encodeToString(bytes), true);
    }

    /** A body delivered as it is, as API Gateway does for textual types and {@code sam local} for all. */
    public HttpApiEvent plainBody(String contentType, String text) {
        return contentType(contentType).rawBody(text, false);
    }

    /** The body field exactly as given, flagged base64 or not (a broken encoding included). */
    public HttpApiEvent rawBody(String body, boolean isBase64Encoded) {
        this.body = body;
        this.base64 = isBase64Encoded;
        return this;
    }

    public APIGatewayV2HTTPEvent build() {
        return SERIALIZER.fromJson(json(), APIGatewayV2HTTPEvent.class);
    }

    /** The event as API Gateway writes it. */
    public String json() {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(text)) {
            json.writeStartObject();
            json.writeStringField("version", "2.0");
            json.writeStringField("routeKey", routeKey);
            json.writeStringField("rawPath", rawPath);
            json.writeStringField("rawQueryString", rawQueryString);
            writeMap(json, "headers", headers);
            writeMap(json, "queryStringParameters", query);
            writeMap(json, "pathParameters", pathParameters);
            json.writeObjectFieldStart("requestContext");
            json.writeStringField("routeKey", routeKey);
            json.writeStringField("requestId", requestId);
            json.writeStringField("stage", "$default");
            json.writeObjectFieldStart("http");
            json.writeStringField("method", method);
            json.writeStringField("path", rawPath);
            json.writeEndObject();
            json.writeEndObject();
            if (body != null) {
                json.writeStringField("body", body);
            }
            json.writeBooleanField("isBase64Encoded", base64);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    private HttpApiEvent contentType(String contentType) {
        return contentType == null ? this : header("content-type", contentType);
    }

    /** A malformed escape stays as sent, as API Gateway passes it on. */
    private static String decoded(String raw) {
        try {
            return URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return raw;
        }
    }

    private static void writeMap(JsonGenerator json, String field, Map<String, String> map) throws IOException {
        if (map.isEmpty()) {
            return;
        }
        json.writeObjectFieldStart(field);
        for (Map.Entry<String, String> entry : map.entrySet()) {
            json.writeStringField(entry.getKey(), entry.getValue());
        }
        json.writeEndObject();
    }
}
