package parking.local.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Function responses read as the HTTP API reads payload format 2.0 responses. */
class HttpApiResponsesTest {

    private static HttpResponse map(String payload) throws HttpApiResponses.MalformedResponse {
        return HttpApiResponses.from(payload.getBytes(StandardCharsets.UTF_8));
    }

    private static String body(HttpResponse response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    @Test
    void takesStatusHeadersAndBodyFromAResponseWithStatusCode() throws Exception {
        HttpResponse response = map("{\"statusCode\":201,\"headers\":{\"Location\":\"/users/1\"},\"body\":\"OK\",\"isBase64Encoded\":false}");

        assertEquals(201, response.status());
        assertEquals(List.of(Map.entry("Location", "/users/1")), response.headers());
        assertEquals("OK", body(response));
    }

    @Test
    void turnsEachCookieIntoASetCookieHeader() throws Exception {
        HttpResponse response = map("{\"statusCode\":200,\"cookies\":[\"a=1\",\"b=2; Secure\"]}");

        assertEquals(List.of(Map.entry("Set-Cookie", "a=1"), Map.entry("Set-Cookie", "b=2; Secure")), response.headers());
        assertEquals(0, response.body().length);
    }

    @Test
    void decodesABase64Body() throws Exception {
        assertArrayEquals(new byte[] {1, 2, 3}, map("{\"statusCode\":200,\"body\":\"AQID\",\"isBase64Encoded\":true}").body());
    }

    @Test
    void infersA200JsonResponseFromAnObjectWithoutStatusCode() throws Exception {
        HttpResponse response = map("{\"id\":1,\"username\":\"alice\"}");

        assertEquals(200, response.status());
        assertEquals(List.of(Map.entry("Content-Type", "application/json")), response.headers());
        assertEquals("{\"id\":1,\"username\":\"alice\"}", body(response));
    }

    @Test
    void infersA200ResponseWhoseBodyIsTheTextOfAJsonString() throws Exception {
        assertEquals("hello", body(map("\"hello\"")));
        assertEquals("42", body(map("42")));
        assertEquals("[1,2]", body(map("[1,2]")));
    }

    @Test
    void rejectsWhatTheHttpApiCannotMap() {
        assertThrows(HttpApiResponses.MalformedResponse.class, () -> map("not json"));
        assertThrows(HttpApiResponses.MalformedResponse.class, () -> map("{\"statusCode\":\"teapot\"}"));
        assertThrows(HttpApiResponses.MalformedResponse.class, () -> map("{\"statusCode\":200,\"body\":\"!!\",\"isBase64Encoded\":true}"));
    }
}
