package parking.local.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Turns a function's response into the HTTP response, as the HTTP API does for payload format
 * 2.0: a JSON object with {@code statusCode} gives the status, {@code headers}, {@code cookies}
 * (one {@code Set-Cookie} each) and {@code body} (base64-decoded when {@code isBase64Encoded});
 * any other valid JSON is the body of a 200 {@code application/json} response (a JSON string
 * as its text, anything else as its JSON).
 */
final class HttpApiResponses {

    /** The function's response is not something API Gateway can map; it answers 500. */
    static final class MalformedResponse extends Exception {
        MalformedResponse(String reason) {
            super(reason);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private HttpApiResponses() {
    }

    static HttpResponse from(byte[] payload) throws MalformedResponse {
        JsonNode output;
        try {
            output = JSON.readTree(payload);
        } catch (IOException e) {
            throw new MalformedResponse("the response is not JSON");
        }
        if (output == null || output.isMissingNode()) {
            throw new MalformedResponse("the response is empty");
        }
        if (!output.isObject() || !output.has("statusCode")) {
            byte[] body = output.isTextual()
                    ? output.textValue().getBytes(StandardCharsets.UTF_8)
                    : payload;
            return new HttpResponse(200, List.of(Map.entry("Content-Type", HttpResponse.JSON)), body);
        }
        JsonNode status = output.get("statusCode");
        if (!status.canConvertToInt() || status.asInt() < 100 || status.asInt() > 599) {
            throw new MalformedResponse("statusCode is not an HTTP status: " + status);
        }
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        JsonNode headerNode = output.path("headers");
        if (headerNode.isObject()) {
            headerNode.properties().forEach(header -> headers.add(Map.entry(header.getKey(), text(header.getValue()))));
        }
        JsonNode cookies = output.path("cookies");
        if (cookies.isArray()) {
            cookies.forEach(cookie -> headers.add(Map.entry("Set-Cookie", text(cookie))));
        }
        return new HttpResponse(status.asInt(), List.copyOf(headers), body(output));
    }

    private static byte[] body(JsonNode output) throws MalformedResponse {
        JsonNode body = output.get("body");
        if (body == null || body.isNull()) {
            return new byte[0];
        }
        String text = text(body);
        if (output.path("isBase64Encoded").asBoolean(false)) {
            try {
                return Base64.getDecoder().decode(text);
            } catch (IllegalArgumentException e) {
                throw new MalformedResponse("isBase64Encoded is true but the body is not base64");
            }
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(JsonNode value) {
        return value.isTextual() ? value.textValue() : value.toString();
    }
}
