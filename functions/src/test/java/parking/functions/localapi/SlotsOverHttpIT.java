package parking.functions.localapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import parking.functions.testing.Api;
import parking.local.api.LocalApi;

/**
 * The slot routes end to end: real HTTP into the local API, the deployment jar's handlers in their
 * own JVMs, dynalite behind them. Each route's main path and main error; every exchange is checked
 * against openapi.yaml.
 */
@ExtendWith(SharedLocalApi.class)
class SlotsOverHttpIT {

    private static final String PASSWORD = "secret123";
    private static Http http;

    @BeforeAll
    static void connect(LocalApi api) {
        http = new Http(api.url());
    }

    /** A client carrying the token of a newly registered user. */
    private static Http newDriver() {
        String name = Api.uniqueName("driver");
        assertEquals(201, http.postForm("/users", "username", name, "password", PASSWORD).statusCode());
        HttpResponse<String> login = http.postForm("/users/login", "username", name, "password", PASSWORD);
        assertEquals(200, login.statusCode(), login.body());
        return http.bearer(login.body());
    }

    /** Creates a free slot owned by the driver and returns its path. */
    private static String slotOf(Http owner) {
        HttpResponse<String> created = owner.postForm("/slots", "name", "A-01", "latitude", "45.0703", "longitude", "7.6869");
        assertEquals(201, created.statusCode(), created.body());
        return created.headers().firstValue("location").orElseThrow();
    }

    private static void assertMessage(int status, String message, HttpResponse<String> response) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals(message, response.body());
    }

    private static void assertSlot(int status, String fragment, HttpResponse<String> response) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals("application/json", response.headers().firstValue("content-type").orElseThrow());
        assertTrue(response.body().contains(fragment), response.body());
    }

    @Test
    void createsASlotOwnedByTheCallerWith201AndItsLocation() {
        HttpResponse<String> response = newDriver().postMultipart("/slots", "name", "B-02", "latitude", "-33.8688", "longitude", "151.2093");

        assertSlot(201, "\"name\":\"B-02\",\"latitude\":-33.8688,\"longitude\":151.2093,\"occupied\":false", response);
        assertTrue(response.headers().firstValue("location").orElseThrow().matches("/slots/[1-9][0-9]*"));
    }

    @Test
    void answersMissingFieldsToASlotWithoutCoordinates() {
        assertMessage(400, "missing fields [latitude, longitude]", newDriver().postForm("/slots", "name", "A-01"));
    }

    @Test
    void listsTheAvailableSlotsOfAnOwner() {
        Http owner = newDriver();
        String free = slotOf(owner);
        String taken = slotOf(owner);
        owner.patchForm(taken, "occupied", "true");
        String ownerId = owner.get(free).body().replaceAll(".*\"owner_id\":([0-9]+).*", "$1");

        HttpResponse<String> response = owner.get("/slots?available=true&owner_id=" + ownerId);

        assertSlot(200, "{\"id\":" + free.substring("/slots/".length()) + ",", response);
        assertFalse(response.body().contains("{\"id\":" + taken.substring("/slots/".length()) + ","), response.body());
    }

    @Test
    void answersInvalidParametersToALimitOfZero() {
        assertMessage(400, "invalid parameters [limit]", newDriver().get("/slots?limit=0"));
    }

    @Test
    void getsASlot() {
        Http owner = newDriver();
        String slot = slotOf(owner);

        assertSlot(200, "{\"id\":" + slot.substring("/slots/".length()) + ",\"name\":\"A-01\"", newDriver().get(slot));
    }

    @Test
    void answersSlotNotFoundForAnUnknownId() {
        assertMessage(404, "slot not found", newDriver().get("/slots/999999"));
    }

    @Test
    void theOwnersSensorReportsTheSlotOccupied() {
        Http owner = newDriver();
        String slot = slotOf(owner);

        assertSlot(200, "\"occupied\":true", owner.patchForm(slot, "occupied", "true"));
    }

    @Test
    void answersForbiddenToAnUpdateByAnotherUser() {
        String slot = slotOf(newDriver());

        assertMessage(403, "forbidden", newDriver().patchForm(slot, "occupied", "true"));
    }

    @Test
    void theOwnerDeletesASlot() {
        Http owner = newDriver();
        String slot = slotOf(owner);

        assertMessage(200, "OK", owner.delete(slot));
        assertMessage(404, "slot not found", owner.get(slot));
    }

    @Test
    void answersForbiddenToADeletionByAnotherUser() {
        String slot = slotOf(newDriver());

        assertMessage(403, "forbidden", newDriver().delete(slot));
    }

    @Test
    void reservesAFreeSlotForTheMinutesAsked() {
        String slot = slotOf(newDriver());

        HttpResponse<String> response = newDriver().postForm(slot + "/reservation", "minutes", "30");

        assertSlot(201, "\"reserved_until\":\"", response);
        assertFalse(response.body().contains("\"reserved_by\":null"), response.body());
    }

    @Test
    void reservesForTheDefaultLengthWithoutABody() {
        String slot = slotOf(newDriver());

        assertSlot(201, "\"reserved_until\":\"", newDriver().post(slot + "/reservation"));
    }

    @Test
    void answersSlotUnavailableToAReservationOfAnOccupiedSlot() {
        Http owner = newDriver();
        String slot = slotOf(owner);
        owner.patchForm(slot, "occupied", "true");

        assertMessage(409, "slot unavailable", newDriver().post(slot + "/reservation"));
    }

    @Test
    void theHolderReleasesItsReservation() {
        String slot = slotOf(newDriver());
        Http holder = newDriver();
        holder.postForm(slot + "/reservation", "minutes", "10");

        assertMessage(200, "OK", holder.delete(slot + "/reservation"));
        assertSlot(200, "\"reserved_by\":null", holder.get(slot));
    }

    @Test
    void answersReservationNotFoundToAReleaseOfAFreeSlot() {
        Http owner = newDriver();
        String slot = slotOf(owner);

        assertMessage(404, "reservation not found", owner.delete(slot + "/reservation"));
    }

    @Test
    void answersMissingTokenToASlotRouteWithoutToken() {
        HttpResponse<String> response = http.get("/slots");

        assertMessage(401, "missing token", response);
        assertEquals("Bearer", response.headers().firstValue("www-authenticate").orElseThrow());
    }
}
