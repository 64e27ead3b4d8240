package parking.functions.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The contract's two response shapes, checked and read. */
public final class ResponseAssertions {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ResponseAssertions() {
    }

    /** A plain-text message response with this status and body. */
    public static void assertMessage(int status, String message, APIGatewayV2HTTPResponse response) {
        assertEquals(status, response.getStatusCode(), response.getBody());
        assertEquals(message, response.getBody());
        assertEquals("text/plain; charset=utf-8", response.getHeaders().get("Content-Type"));
    }

    /** A JSON resource response with this status; returns the parsed body. */
    public static JsonNode assertJson(int status, APIGatewayV2HTTPResponse response) {
        assertEquals(status, response.getStatusCode(), response.getBody());
        assertEquals("application/json", response.getHeaders().get("Content-Type"));
        try {
            return JSON.readTree(response.getBody());
        } catch (JsonProcessingException notJson) {
            throw new AssertionError("body is not JSON: " + response.getBody(), notJson);
        }
    }
}
