package parking.functions.slots;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;
import parking.functions.testing.Api;
import parking.functions.testing.Events;
import parking.functions.testing.TestClock;
import parking.http.HttpApiEvent;

/**
 * Calls the slot routes as a client would, through the real handlers on one {@link TestClock}:
 * one instance per test class, whose clock only moves forward.
 */
final class SlotApi {

    /** A registered user and a token for it. */
    record Caller(long id, String token) {
    }

    private final TestClock clock = new TestClock();
    private final SlotHandlers handlers;

    SlotApi() {
        this.handlers = new SlotHandlers(clock, Optional.empty());
    }

    /** Calls whose handlers reach DynamoDB through {@code dynamoEndpoint}, e.g. a fault proxy. */
    SlotApi(URI dynamoEndpoint) {
        this.handlers = new SlotHandlers(clock, Optional.of(dynamoEndpoint));
    }

    TestClock clock() {
        return clock;
    }

    SlotHandlers handlers() {
        return handlers;
    }

    /**
     * Registers a user through the real route; the token is issued on the test clock, as the
     * login route would issue it at that time (a token from the real clock could look issued
     * in the clock's future and be refused).
     */
    Caller newCaller() {
        String name = Api.uniqueName("driver");
        long id = Api.register(name, "password123");
        return new Caller(id, handlers.services("LoginFunction").tokens().issue(id, name));
    }

    /** Creates a free slot owned by {@code owner} and returns its id. */
    long slotOf(Caller owner) {
        return slotOf(owner, "name", "A-01", "latitude", "45.0703", "longitude", "7.6869");
    }

    /** Creates a slot from the form's name and value pairs and returns its id. */
    long slotOf(Caller owner, String... form) {
        APIGatewayV2HTTPResponse created = create(owner, form);
        if (created.getStatusCode() != 201) {
            throw new AssertionError("could not create slot: " + created.getStatusCode() + " " + created.getBody());
        }
        return Long.parseLong(created.getHeaders().get("Location").substring("/slots/".length()));
    }

    APIGatewayV2HTTPResponse create(Caller caller, String... form) {
        return handlers.create().handleRequest(slots("POST").bearer(caller.token()).form(form).build(), null);
    }

    APIGatewayV2HTTPResponse list(Caller caller, String rawQuery) {
        return handlers.list().handleRequest(slots("GET").bearer(caller.token()).query(rawQuery).build(), null);
    }

    APIGatewayV2HTTPResponse get(Caller caller, long id) {
        return handlers.get().handleRequest(slot("GET", id).bearer(caller.token()).build(), null);
    }

    APIGatewayV2HTTPResponse patch(Caller caller, long id, String... form) {
        return handlers.update().handleRequest(slot("PATCH", id).bearer(caller.token()).form(form).build(), null);
    }

    APIGatewayV2HTTPResponse delete(Caller caller, long id) {
        return handlers.delete().handleRequest(slot("DELETE", id).bearer(caller.token()).build(), null);
    }

    /** A reservation without a body: the default length. */
    APIGatewayV2HTTPResponse reserve(Caller caller, long id) {
        return handlers.reserve().handleRequest(reservation("POST", id).bearer(caller.token()).build(), null);
    }

    APIGatewayV2HTTPResponse reserve(Caller caller, long id, String... form) {
        return handlers.reserve().handleRequest(reservation("POST", id).bearer(caller.token()).form(form).build(), null);
    }

    APIGatewayV2HTTPResponse release(Caller caller, long id) {
        return handlers.release().handleRequest(reservation("DELETE", id).bearer(caller.token()).build(), null);
    }

    /** The ids of a JSON array of slots, in order. */
    static List<Long> ids(JsonNode slots) {
        return StreamSupport.stream(slots.spliterator(), false).map(slot -> slot.get("id").asLong()).toList();
    }

    static HttpApiEvent slots(String method) {
        return Events.request(method, "/slots");
    }

    static HttpApiEvent slot(String method, long id) {
        return slot(method, Long.toString(id));
    }

    /** A request at {@code /slots/<segment>}, whatever the segment is. */
    static HttpApiEvent slot(String method, String segment) {
        return Events.request(method, "/slots/{slot_id}", "/slots/" + segment).pathParameter("slot_id", segment);
    }

    static HttpApiEvent reservation(String method, long id) {
        return reservation(method, Long.toString(id));
    }

    static HttpApiEvent reservation(String method, String segment) {
        return Events.request(method, "/slots/{slot_id}/reservation", "/slots/" + segment + "/reservation")
                .pathParameter("slot_id", segment);
    }
}
