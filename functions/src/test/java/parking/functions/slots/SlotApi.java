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
 * Calls the slot routes (the sensor routes under {@code /slots/<slot_id>} too) as a client would,
 * through the real handlers on one {@link TestClock}: one instance per test class, whose clock
 * only moves forward.
 */
public final class SlotApi {

    /** A registered user and a token for it. */
    public record Caller(long id, String token) {
    }

    private final TestClock clock = new TestClock();
    private final SlotHandlers handlers;

    public SlotApi() {
        this.handlers = new SlotHandlers(clock, Optional.empty());
    }

    /** Calls whose handlers reach DynamoDB through {@code dynamoEndpoint}, e.g. a fault proxy. */
    public SlotApi(URI dynamoEndpoint) {
        this.handlers = new SlotHandlers(clock, Optional.of(dynamoEndpoint));
    }

    public TestClock clock() {
        return clock;
    }

    public SlotHandlers handlers() {
        return handlers;
    }

    /**
     * Registers a user through the real route; the token is issued on the test clock, as the
     * login route would issue it at that time (a token from the real clock could look issued
     * in the clock's future and be refused).
     */
    public Caller newCaller() {
        String name = Api.uniqueName("driver");
        long id = Api.register(name, "password123");
        return new Caller(id, handlers.services("LoginFunction").tokens().issue(id, name));
    }

    /** Creates a free slot owned by {@code owner} and returns its id. */
    public long slotOf(Caller owner) {
        return slotOf(owner, "name", "A-01", "latitude", "45.0703", "longitude", "7.6869");
    }

    /** Creates a slot from the form's name and value pairs and returns its id. */
    public long slotOf(Caller owner, String... form) {
        APIGatewayV2HTTPResponse created = create(owner, form);
        if (created.getStatusCode() != 201) {
            throw new AssertionError("could not create slot: " + created.getStatusCode() + " " + created.getBody());
        }
        return Long.parseLong(created.getHeaders().get("Location").substring("/slots/".length()));
    }

    public APIGatewayV2HTTPResponse create(Caller caller, String... form) {
        return handlers.create().handleRequest(slots("POST").bearer(caller.token()).form(form).build(), null);
    }

    public APIGatewayV2HTTPResponse list(Caller caller, String rawQuery) {
        return handlers.list().handleRequest(slots("GET").bearer(caller.token()).query(rawQuery).build(), null);
    }

    public APIGatewayV2HTTPResponse get(Caller caller, long id) {
        return handlers.get().handleRequest(slot("GET", id).bearer(caller.token()).build(), null);
    }

    public APIGatewayV2HTTPResponse patch(Caller caller, long id, String... form) {
        return handlers.update().handleRequest(slot("PATCH", id).bearer(caller.token()).form(form).build(), null);
    }

    public APIGatewayV2HTTPResponse delete(Caller caller, long id) {
        return handlers.delete().handleRequest(slot("DELETE", id).bearer(caller.token()).build(), null);
    }

    /** A reservation without a body: the default length. */
    public APIGatewayV2HTTPResponse reserve(Caller caller, long id) {
        return handlers.reserve().handleRequest(reservation("POST", id).bearer(caller.token()).build(), null);
    }

    public APIGatewayV2HTTPResponse reserve(Caller caller, long id, String... form) {
        return handlers.reserve().handleRequest(reservation("POST", id).bearer(caller.token()).form(form).build(), null);
    }

    public APIGatewayV2HTTPResponse release(Caller caller, long id) {
        return handlers.release().handleRequest(reservation("DELETE", id).bearer(caller.token()).build(), null);
    }

    /** Issues a key for the slot's sensor as {@code caller}. */
    public APIGatewayV2HTTPResponse issueSensorKey(Caller caller, long id) {
        return handlers.issueSensorKey().handleRequest(sensorKey("POST", Long.toString(id)).bearer(caller.token()).build(), null);
    }

    /** Issues a key as the slot's owner and returns it. */
    public String sensorKeyOf(Caller owner, long id) {
        APIGatewayV2HTTPResponse issued = issueSensorKey(owner, id);
        if (issued.getStatusCode() != 201) {
            throw new AssertionError("could not issue a sensor key: " + issued.getStatusCode() + " " + issued.getBody());
        }
        return issued.getBody().replaceAll(".*\"sensor_key\":\"([^\"]+)\".*", "$1");
    }

    public APIGatewayV2HTTPResponse revokeSensorKey(Caller caller, long id) {
        return handlers.revokeSensorKey().handleRequest(sensorKey("DELETE", Long.toString(id)).bearer(caller.token()).build(), null);
    }

    /** A sensor's report with {@code key} (sent as {@code Authorization: Bearer <key>}) and the form's pairs. */
    public APIGatewayV2HTTPResponse report(String key, long id, String... form) {
        return handlers.reportOccupancy().handleRequest(occupancy(Long.toString(id)).bearer(key).form(form).build(), null);
    }

    /** Any request to the report route, as the test builds it: without a key, with a token, a broken form. */
    public APIGatewayV2HTTPResponse sendReport(HttpApiEvent request) {
        return handlers.reportOccupancy().handleRequest(request.build(), null);
    }

    /** The ids of a JSON array of slots, in order. */
    public static List<Long> ids(JsonNode slots) {
        return StreamSupport.stream(slots.spliterator(), false).map(slot -> slot.get("id").asLong()).toList();
    }

    static HttpApiEvent slots(String method) {
        return Events.request(method, "/slots");
    }

    public static HttpApiEvent slot(String method, long id) {
        return slot(method, Long.toString(id));
    }

    /** A request at {@code /slots/<segment>}, whatever the segment is. */
    public static HttpApiEvent slot(String method, String segment) {
        return Events.request(method, "/slots/{slot_id}", "/slots/" + segment).pathParameter("slot_id", segment);
    }

    public static HttpApiEvent sensorKey(String method, String segment) {
        return Events.request(method, "/slots/{slot_id}/sensor-key", "/slots/" + segment + "/sensor-key").pathParameter("slot_id", segment);
    }

    public static HttpApiEvent occupancy(String segment) {
        return Events.request("PUT", "/slots/{slot_id}/occupancy", "/slots/" + segment + "/occupancy").pathParameter("slot_id", segment);
    }

    static HttpApiEvent reservation(String method, long id) {
        return reservation(method, Long.toString(id));
    }

    static HttpApiEvent reservation(String method, String segment) {
        return Events.request(method, "/slots/{slot_id}/reservation", "/slots/" + segment + "/reservation")
                .pathParameter("slot_id", segment);
    }
}
