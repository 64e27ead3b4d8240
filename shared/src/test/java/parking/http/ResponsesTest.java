package parking.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import parking.json.JsonWriter;
import parking.paging.Page;
import parking.paging.PageRequest;

class ResponsesTest {

    private record Item(long id, String username) {
    }

    private static final JsonWriter.Fields<Item> ITEM = (json, item) -> {
        json.writeNumberField("id", item.id());
        json.writeStringField("username", item.username());
    };

    private static final List<Item> TWO = List.of(new Item(1, "user1"), new Item(2, "user2"));

    private static APIGatewayV2HTTPResponse pageWithMore(HttpApiEvent request) {
        return Responses.page(HttpEvent.asRequest(request), new Page<>(TWO, Optional.of(PageRequest.cursorAfter(2))), ITEM);
    }

    private static String next() {
        return PageRequest.cursorAfter(2);
    }

    @Test
    void messageIsPlainTextUtf8() {
        APIGatewayV2HTTPResponse response = Responses.message(404, "user not found");

        assertEquals(404, response.getStatusCode());
        assertEquals("user not found", response.getBody());
        assertEquals("text/plain; charset=utf-8", response.getHeaders().get("Content-Type"));
        assertFalse(response.getIsBase64Encoded());
    }

    @Test
    void messageCarriesExtraHeaders() {
        APIGatewayV2HTTPResponse response = Responses.message(201, "OK", Map.of("Location", "/users/7"));

        assertEquals("/users/7", response.getHeaders().get("Location"));
    }

    @Test
    void jsonIsApplicationJson() {
        APIGatewayV2HTTPResponse response = Responses.json(200, "{\"id\":1}");

        assertEquals("application/json", response.getHeaders().get("Content-Type"));
        assertEquals("{\"id\":1}", response.getBody());
    }

    @Test
    void everyResponseForbidsContentSniffing() {
        assertEquals("nosniff", Responses.message(400, "missing form").getHeaders().get("X-Content-Type-Options"));
        assertEquals("nosniff", Responses.json(200, "[]").getHeaders().get("X-Content-Type-Options"));
        assertEquals("nosniff", pageWithMore(HttpEvent.request()).getHeaders().get("X-Content-Type-Options"));
    }

    @Test
    void everyResponseForbidsCaching() {
        assertEquals("no-store", Responses.message(200, "a.jwt.token").getHeaders().get("Cache-Control"));
        assertEquals("no-store", Responses.json(200, "[]").getHeaders().get("Cache-Control"));
        assertEquals("no-store", pageWithMore(HttpEvent.request()).getHeaders().get("Cache-Control"));
    }

    @Test
    void pageIsABareJsonArray() {
        APIGatewayV2HTTPResponse response = Responses.page(HttpEvent.asRequest(HttpEvent.request()), new Page<>(TWO, Optional.empty()), ITEM);

        assertEquals(200, response.getStatusCode());
        assertEquals("application/json", response.getHeaders().get("Content-Type"));
        assertEquals("[{\"id\":1,\"username\":\"user1\"},{\"id\":2,\"username\":\"user2\"}]", response.getBody());
    }

    @Test
    void emptyPageIsAnEmptyArray() {
        assertEquals("[]", Responses.page(HttpEvent.asRequest(HttpEvent.request()), new Page<Item>(List.of(), Optional.empty()), ITEM).getBody());
    }

    @Test
    void lastPageHasNoLinkHeader() {
        APIGatewayV2HTTPResponse response = Responses.page(HttpEvent.asRequest(HttpEvent.request().query("limit=2")),
                new Page<>(TWO, Optional.empty()), ITEM);

        assertNull(response.getHeaders().get("Link"));
    }

    @Test
    void pageWithMoreLinksToTheNextWithTheSamePathAndLimit() {
        APIGatewayV2HTTPResponse response = pageWithMore(HttpEvent.request("/users").query("limit=2"));

        assertEquals("</users?limit=2&cursor=" + next() + ">; rel=\"next\"", response.getHeaders().get("Link"));
    }

    @Test
    void nextLinkWithoutAQueryStringHasOnlyTheCursor() {
        APIGatewayV2HTTPResponse response = pageWithMore(HttpEvent.request("/users"));

        assertEquals("</users?cursor=" + next() + ">; rel=\"next\"", response.getHeaders().get("Link"));
    }

    @Test
    void nextLinkKeepsTheFiltersInTheirOrder() {
        APIGatewayV2HTTPResponse response = pageWithMore(HttpEvent.request("/slots").query("available=true&limit=2&owner_id=1"));

        assertEquals("</slots?available=true&limit=2&owner_id=1&cursor=" + next() + ">; rel=\"next\"",
                response.getHeaders().get("Link"));
    }

    @Test
    void nextLinkReplacesTheOldCursor() {
        String old = PageRequest.cursorAfter(1);
        APIGatewayV2HTTPResponse response = pageWithMore(HttpEvent.request("/users").query("cursor=" + old + "&limit=2"));

        assertEquals("</users?limit=2&cursor=" + next() + ">; rel=\"next\"", response.getHeaders().get("Link"));
    }

    @Test
    void nextLinkKeepsParametersThatOnlyStartWithCursor() {
        APIGatewayV2HTTPResponse response = pageWithMore(HttpEvent.request("/users").query("cursorless=1&limit=2"));

        assertEquals("</users?cursorless=1&limit=2&cursor=" + next() + ">; rel=\"next\"", response.getHeaders().get("Link"));
    }
}
