package parking.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import parking.json.JsonWriter;
import parking.paging.Page;

/** The two response shapes of the contract: plain-text messages and JSON resources. */
public final class Responses {

    private static final String TEXT = "text/plain; charset=utf-8";
    private static final String JSON = "application/json";

    private Responses() {
    }

    public static APIGatewayV2HTTPResponse message(int status, String message) {
        return message(status, message, Map.of());
    }

    public static APIGatewayV2HTTPResponse message(int status, String message, Map<String, String> headers) {
        return build(status, TEXT, message, headers);
    }

    public static APIGatewayV2HTTPResponse json(int status, String json) {
        return json(status, json, Map.of());
    }

    public static APIGatewayV2HTTPResponse json(int status, String json, Map<String, String> headers) {
        return build(status, JSON, json, headers);
    }

    private static APIGatewayV2HTTPResponse build(int status, String contentType, String body, Map<String, String> extra) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", contentType);
        headers.put("X-Content-Type-Options", "nosniff");
        // Every answer is per-user or changes by the second (tokens, occupancy): no cache may keep one.
        headers.put("Cache-Control", "no-store");
        headers.putAll(extra);
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(status)
                .withHeaders(headers)
                .withBody(body)
                .withIsBase64Encoded(false)
                .build();
    }

    /**
     * 200 with a bare JSON array, plus {@code Link: <...>; rel="next"} (RFC 8288) when more items
     * exist: the same path and query with the cursor replaced.
     */
    public static <T> APIGatewayV2HTTPResponse page(Request request, Page<T> page, JsonWriter.Fields<T> fields) {
        String body = JsonWriter.array(page.items(), fields);
        if (page.nextCursor().isEmpty()) {
            return json(200, body);
        }
        String cursor = page.nextCursor().get();
        StringBuilder query = new StringBuilder();
        for (String pair : request.rawQueryString().split("&")) {
            if (!pair.isEmpty() && !pair.equals("cursor") && !pair.startsWith("cursor=")) {
                query.append(pair).append('&');
            }
        }
        query.append("cursor=").append(cursor);
        String link = "<" + request.rawPath() + "?" + query + ">; rel=\"next\"";
        return json(200, body, Map.of("Link", link));
    }
}
