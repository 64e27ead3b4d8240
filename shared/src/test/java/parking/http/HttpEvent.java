package parking.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** HTTP API (payload 2.0) events for the shared module's tests, built the way API Gateway sends them. */
final class HttpEvent {

    static final String URLENCODED = "application/x-www-form-urlencoded";

    private final Map<String, String> headers = new LinkedHashMap<>();
    private final Map<String, String> query = new LinkedHashMap<>();
    private final Map<String, String> pathParameters = new LinkedHashMap<>();
    private String rawPath = "/users";
    private String rawQueryString;
    private String body;
    private boolean base64;

    static HttpEvent request() {
        return new HttpEvent();
    }

    HttpEvent header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    HttpEvent bearer(String token) {
        return header("authorization", "Bearer " + token);
    }

    HttpEvent path(String rawPath) {
        this.rawPath = rawPath;
        return this;
    }

    HttpEvent pathParameter(String name, String value) {
        pathParameters.put(name, value);
        return this;
    }

    /** Sets both the raw query string and the parsed parameters, as API Gateway does. */
    HttpEvent query(String rawQueryString) {
        this.rawQueryString = rawQueryString;
        for (String pair : rawQueryString.split("&")) {
            int equals = pair.indexOf('=');
            query.put(equals < 0 ? pair : pair.substring(0, equals), equals < 0 ? "" : pair.substring(equals + 1));
        }
        return this;
    }

    /** One decoded query parameter, whatever its characters, without a raw query string. */
    HttpEvent queryParameter(String name, String value) {
        query.put(name, value);
        return this;
    }

    /** A body as real API Gateway delivers a form: base64-encoded. */
    HttpEvent base64Body(byte[] bytes) {
        this.body = Base64.getEncoder().encodeToString(bytes);
        this.base64 = true;
        return this;
    }

    /** A body exactly as given, flagged base64 or not. */
    HttpEvent rawBody(String body, boolean isBase64Encoded) {
        this.body = body;
        this.base64 = isBase64Encoded;
        return this;
    }

    HttpEvent form(String urlEncoded) {
        return header("content-type", URLENCODED).base64Body(urlEncoded.getBytes(StandardCharsets.UTF_8));
    }

    APIGatewayV2HTTPEvent build() {
        return APIGatewayV2HTTPEvent.builder()
                .withRouteKey("POST " + rawPath)
                .withRawPath(rawPath)
                .withRawQueryString(rawQueryString)
                .withHeaders(headers.isEmpty() ? null : new LinkedHashMap<>(headers))
                .withQueryStringParameters(query.isEmpty() ? null : new LinkedHashMap<>(query))
                .withPathParameters(pathParameters.isEmpty() ? null : new LinkedHashMap<>(pathParameters))
                .withBody(body)
                .withIsBase64Encoded(base64)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder().withRequestId("api-req-1").build())
                .build();
    }

    Request asRequest() {
        return new Request(build(), 0);
    }
}
