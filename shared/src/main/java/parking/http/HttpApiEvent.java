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
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The project's one model of an HTTP API (payload format 2.0) event, as API Gateway sends it to a
 * function (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html):
 * SnapStart priming, the tests and the local API build their events with it. The event is written
 * as JSON, and {@link #build()} reads it back with {@link HttpApiSerializer}, the reader the
 * runtime uses, so a handler gets exactly what it would get from Lambda.
 *
 * <p>{@link #header} keeps a name as given: real API Gateway lower-cases names, {@code sam local}
 * does not, and handlers accept both. What a client actually sent goes through
 * {@link #sentHeaders} and {@link #sentBody}, which apply API Gateway's rules. The request
 * context's description of the API, the caller and the time is written once it is given
 * ({@link #api}, {@link #caller}, {@link #time}), as the local API does; priming and most tests
 * do without it.
 */
public final class HttpApiEvent {

    /** The API an event comes through: its id and the AWS account that owns it. */
    public record Api(String id, String accountId) {
    }

    /**
     * {@code requestContext.time}, as in the documented example: {@code 12/Mar/2020:19:03:58 +0000}.
     * A class of its own, so that priming, whose events carry no time, never loads the locale
     * data a month name needs (measured: about 100 ms of priming).
     */
    private static final class RequestTime {
        static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    }

    private static final JsonFactory JSON = new JsonFactory();
    private static final HttpApiSerializer SERIALIZER = new HttpApiSerializer();
    private final String method;
    private final String routeKey;
    private final String rawPath;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final List<String> cookies = new ArrayList<>();
    private final Map<String, String> query = new LinkedHashMap<>();
    private final Map<String, String> pathParameters = new LinkedHashMap<>();
    private String rawQueryString = "";
    private String requestId = UUID.randomUUID().toString();
    private String body;
    private boolean base64;
    private Api api;
    private String sourceIp;
    private String protocol;
    private Instant time;

    private HttpApiEvent(String method, String routeKey, String rawPath) {
        this.method = method;
        this.routeKey = routeKey;
        this.rawPath = rawPath;
    }

    /** A request of the route {@code method routeKeyPath} (as in the template, {@code /users/{user_id}}) at {@code rawPath}. */
    public static HttpApiEvent request(String method, String routeKeyPath, String rawPath) {
        return new HttpApiEvent(method, method + " " + routeKeyPath, rawPath);
    }

    /** A request of a route without path variables. */
    public static HttpApiEvent request(String method, String path) {
        return request(method, path, path);
    }

    /**
     * A request by {@code method} at {@code rawPath} that API Gateway matched to {@code routeKey},
     * whose method may differ from the request's ({@code ANY /{proxy+}}, {@code $default}).
     */
    public static HttpApiEvent matched(String routeKey, String method, String rawPath) {
        return new HttpApiEvent(method, routeKey, rawPath);
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

    /**
     * The headers as a client sent them (any case, repeated names), as API Gateway puts them in
     * the event: see {@link #headersOf}; the {@code Cookie} headers become {@code cookies}, one
     * entry per cookie.
     */
    public HttpApiEvent sentHeaders(Map<String, List<String>> sent) {
        headersOf(sent).forEach(this::header);
        sent.forEach((name, values) -> {
            if (name.equalsIgnoreCase("cookie")) {
                values.stream()
                        .flatMap(value -> Arrays.stream(value.split(";")))
                        .map(String::trim)
                        .filter(cookie -> !cookie.isEmpty())
                        .forEach(cookies::add);
            }
        });
        return this;
    }

    /**
     * The event's {@code headers} for the headers a client sent: names lower-cased, the values of
     * a repeated header joined by commas (format 2.0 has no multi-value headers), cookies left
     * out (they have their own field).
     */
    public static Map<String, String> headersOf(Map<String, List<String>> sent) {
        Map<String, String> headers = new TreeMap<>();
        sent.forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (!lower.equals("cookie")) {
                headers.merge(lower, String.join(",", values), (first, next) -> first + "," + next);
            }
        });
        return headers;
    }

    public HttpApiEvent bearer(String token) {
        return header("authorization", "Bearer " + token);
    }

    /** API Gateway's id of the request ({@code requestContext.requestId}); a random one unless set. */
    public HttpApiEvent requestId(String requestId) {
        this.requestId = requestId;
        return this;
    }

    /** The API the request came through; its domain is the {@code host} the caller named ({@code localhost} without one). */
    public HttpApiEvent api(Api api) {
        this.api = api;
        return this;
    }

    /** Who called: the address the request came from and its HTTP version ({@code HTTP/1.1}). */
    public HttpApiEvent caller(String sourceIp, String protocol) {
        this.sourceIp = sourceIp;
        this.protocol = protocol;
        return this;
    }

    /** When API Gateway received the request ({@code requestContext.time} and {@code timeEpoch}). */
    public HttpApiEvent time(Instant time) {
        this.time = time;
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

    /** Any body, base64-encoded whatever its type (API Gateway does so for all but textual types, as {@link #sentBody} does). */
    public HttpApiEvent body(String contentType, byte[] bytes) {
        return contentType(contentType).rawBody(Base64.getEncoder().encodeToString(bytes), true);
    }

    /**
     * The body a client sent, delivered as API Gateway delivers it: as it is when the
     * {@code content-type} already given is textual (text/*, JSON, XML or JavaScript),
     * base64-encoded otherwise, a body without a type included; an empty body is no body.
     */
    public HttpApiEvent sentBody(byte[] bytes) {
        if (bytes.length == 0) {
            return this;
        }
        return isTextual(headerValue("content-type"))
                ? rawBody(new String(bytes, StandardCharsets.UTF_8), false)
                : rawBody(Base64.getEncoder().encodeToString(bytes), true);
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
            if (!cookies.isEmpty()) {
                json.writeArrayFieldStart("cookies");
                for (String cookie : cookies) {
                    json.writeString(cookie);
                }
                json.writeEndArray();
            }
            writeMap(json, "headers", headers);
            writeMap(json, "queryStringParameters", query);
            writeMap(json, "pathParameters", pathParameters);
            writeRequestContext(json);
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

    private void writeRequestContext(JsonGenerator json) throws IOException {
        json.writeObjectFieldStart("requestContext");
        if (api != null) {
            String domain = headerValue("host").orElse("localhost").replaceFirst(":\\d+$", "");
            json.writeStringField("accountId", api.accountId());
            json.writeStringField("apiId", api.id());
            json.writeStringField("domainName", domain);
            json.writeStringField("domainPrefix", domain.split("\\.", 2)[0]);
        }
        json.writeObjectFieldStart("http");
        json.writeStringField("method", method);
        json.writeStringField("path", rawPath);
        if (sourceIp != null) {
            json.writeStringField("protocol", protocol);
            json.writeStringField("sourceIp", sourceIp);
            json.writeStringField("userAgent", headerValue("user-agent").orElse(""));
        }
        json.writeEndObject();
        json.writeStringField("requestId", requestId);
        json.writeStringField("routeKey", routeKey);
        json.writeStringField("stage", "$default");
        if (time != null) {
            json.writeStringField("time", RequestTime.FORMAT.format(time));
            json.writeNumberField("timeEpoch", time.toEpochMilli());
        }
        json.writeEndObject();
    }

    /** A header given in any case. */
    private Optional<String> headerValue(String name) {
        return headers.entrySet().stream().filter(header -> header.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue).findFirst();
    }

    /** The types API Gateway passes on as text; a body of any other type, or of none, arrives base64-encoded. */
    private static boolean isTextual(Optional<String> contentType) {
        String type = contentType.map(value -> value.split(";", 2)[0].trim().toLowerCase(Locale.ROOT)).orElse("");
        return type.startsWith("text/")
                || type.equals("application/json") || type.endsWith("+json")
                || type.equals("application/xml") || type.endsWith("+xml")
                || type.equals("application/javascript");
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
