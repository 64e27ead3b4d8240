package parking.local.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds the payload format 2.0 event API Gateway's HTTP API sends a Lambda integration
 * (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html):
 * header names lower-cased and repeated headers joined by commas, cookies moved out of the
 * headers into {@code cookies}, repeated query parameters joined by commas, and the body
 * base64-encoded unless its type is textual.
 */
final class HttpApiEvents {

    /** Values that are fixed for a local API. */
    record Stage(String apiId, String accountId) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter REQUEST_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private HttpApiEvents() {
    }

    static ObjectNode event(IncomingRequest request, Routes.Match match, Stage stage, String requestId, String traceId, Instant time) {
        Map<String, String> headers = headers(request);
        List<String> cookies = cookies(request);
        ObjectNode event = JSON.createObjectNode();
        event.put("version", "2.0");
        event.put("routeKey", match.route().routeKey());
        event.put("rawPath", request.rawPath());
        event.put("rawQueryString", request.rawQuery());
        if (!cookies.isEmpty()) {
            ArrayNode array = event.putArray("cookies");
            cookies.forEach(array::add);
        }
        ObjectNode headerNode = event.putObject("headers");
        headers.forEach(headerNode::put);
        headerNode.put("x-amzn-trace-id", traceId);
        headerNode.put("x-forwarded-for", request.sourceIp());
        headerNode.put("x-forwarded-port", Integer.toString(request.serverPort()));
        headerNode.put("x-forwarded-proto", "http");
        Map<String, String> query = queryParameters(request.rawQuery());
        if (!query.isEmpty()) {
            ObjectNode queryNode = event.putObject("queryStringParameters");
            query.forEach(queryNode::put);
        }
        event.set("requestContext", requestContext(request, match, stage, headers, requestId, time));
        boolean base64 = false;
        if (request.body().length > 0) {
            base64 = !isTextual(headers.get("content-type"));
            event.put("body", base64
                    ? Base64.getEncoder().encodeToString(request.body())
                    : new String(request.body(), StandardCharsets.UTF_8));
        }
        if (!match.pathParameters().isEmpty()) {
            ObjectNode parameters = event.putObject("pathParameters");
            match.pathParameters().forEach(parameters::put);
        }
        event.put("isBase64Encoded", base64);
        return event;
    }

    /** Header names lower-cased, repeated headers joined by commas; cookies go to {@code cookies}. */
    static Map<String, String> headers(IncomingRequest request) {
        Map<String, String> headers = new TreeMap<>();
        request.headers().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (!lower.equals("cookie")) {
                headers.merge(lower, String.join(",", values), (a, b) -> a + "," + b);
            }
        });
        return headers;
    }

    static List<String> cookies(IncomingRequest request) {
        return request.headers().entrySet().stream()
                .filter(header -> header.getKey().equalsIgnoreCase("cookie"))
                .flatMap(header -> header.getValue().stream())
                .flatMap(value -> java.util.Arrays.stream(value.split(";")))
                .map(String::trim)
                .filter(cookie -> !cookie.isEmpty())
                .toList();
    }

    /** Decoded query parameters; a repeated name gets its values joined by commas, a bare name an empty value. */
    static Map<String, String> queryParameters(String rawQuery) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            parameters.merge(name, value, (a, b) -> a + "," + b);
        }
        return parameters;
    }

    /**
     * Textual bodies reach the function as they are; anything else base64-encoded. The textual
     * types are those API Gateway names: text/*, JSON, XML and JavaScript.
     */
    static boolean isTextual(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return type.startsWith("text/")
                || type.equals("application/json") || type.endsWith("+json")
                || type.equals("application/xml") || type.endsWith("+xml")
                || type.equals("application/javascript");
    }

    private static ObjectNode requestContext(IncomingRequest request, Routes.Match match, Stage stage,
                                             Map<String, String> headers, String requestId, Instant time) {
        String domain = headers.getOrDefault("host", "localhost").replaceFirst(":\\d+$", "");
        ObjectNode context = JSON.createObjectNode();
        context.put("accountId", stage.accountId());
        context.put("apiId", stage.apiId());
        context.put("domainName", domain);
        context.put("domainPrefix", domain.split("\\.", 2)[0]);
        ObjectNode http = context.putObject("http");
        http.put("method", request.method());
        http.put("path", request.rawPath());
        http.put("protocol", request.protocol());
        http.put("sourceIp", request.sourceIp());
        http.put("userAgent", headers.getOrDefault("user-agent", ""));
        context.put("requestId", requestId);
        context.put("routeKey", match.route().routeKey());
        context.put("stage", "$default");
        context.put("time", REQUEST_TIME.format(time));
        context.put("timeEpoch", time.toEpochMilli());
        return context;
    }

    private static String decode(String raw) {
        try {
            return URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return raw;
        }
    }
}
