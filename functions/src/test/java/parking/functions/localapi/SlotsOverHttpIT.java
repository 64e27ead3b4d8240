package parking.functions.localapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import parking.local.api.LocalApi;

/**
 * The slot routes end to end: real HTTP into the local API, the deployment jar's handlers in their
 * own JVMs, dynalite behind them. Each route's main path and main error; every exchange is checked
 * against openapi.yaml.
 */
@ExtendWith(SharedLocalApi.class)
class SlotsOverHttpIT {

    private static Http http;

    @BeforeAll
    static void connect(LocalApi api) {
        http = new Http(api.url());
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
        HttpResponse<String> response = http.asNewUser().postMultipart("/slots", "name", "B-02", "latitude", "-33.8688", "longitude", "151.2093");

        assertSlot(201, "\"name\":\"B-02\",\"latitude\":-33.8688,\"longitude\":151.2093,\"occupied\":false", response);
        assertTrue(response.headers().firstValue("location").orElseThrow().matches("/slots/[1-9][0-9]*"));
    }

    @Test
    void answersMissingFieldsToASlotWithoutCoordinates() {
        assertMessage(400, "missing fields [latitude, longitude]", http.asNewUser().postForm("/slots", "name", "A-01"));
    }

    @Test
    void listsTheAvailableSlotsOfAnOwner() {
        Http owner = http.asNewUser();
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
        assertMessage(400, "invalid parameters [limit]", http.asNewUser().get("/slots?limit=0"));
    }

    @Test
    void getsASlot() {
        Http owner = http.asNewUser();
        String slot = slotOf(owner);

        assertSlot(200, "{\"id\":" + slot.substring("/slots/".length()) + ",\"name\":\"A-01\"", http.asNewUser().get(slot));
    }

    @Test
    void answersSlotNotFoundForAnUnknownId() {
        assertMessage(404, "slot not found", http.asNewUser().get("/slots/999999"));
    }

    @Test
    void theOwnersSensorReportsTheSlotOccupied() {
        Http owner = http.asNewUser();
        String slot = slotOf(owner);

        assertSlot(200, "\"occupied\":true", owner.patchForm(slot, "occupied", "true"));
    }

    @Test
    void answersForbiddenToAnUpdateByAnotherUser() {
        String slot = slotOf(http.asNewUser());

        assertMessage(403, "forbidden", http.asNewUser().patchForm(slot, "occupied", "true"));
    }

    @Test
    void theOwnerDeletesASlot() {
        Http owner = http.asNewUser();
        String slot = slotOf(owner);

        assertMessage(200, "OK", owner.delete(slot));
        assertMessage(404, "slot not found", owner.get(slot));
    }

    @Test
    void answersForbiddenToADeletionByAnotherUser() {
        String slot = slotOf(http.asNewUser());

        assertMessage(403, "forbidden", http.asNewUser().delete(slot));
    }

    @Test
    void reservesAFreeSlotForTheMinutesAsked() {
        String slot = slotOf(http.asNewUser());

        HttpResponse<String> response = http.asNewUser().postForm(slot + "/reservation", "minutes", "30");

        assertSlot(201, "\"reserved_until\":\"", response);
        assertFalse(response.body().contains("\"reserved_by\":null"), response.body());
    }

    @Test
    void reservesForTheDefaultLengthWithoutABody() {
        String slot = slotOf(http.asNewUser());

        assertSlot(201, "\"reserved_until\":\"", http.asNewUser().post(slot + "/reservation"));
    }

    @Test
    void answersSlotUnavailableToAReservationOfAnOccupiedSlot() {
        Http owner = http.asNewUser();
        String slot = slotOf(owner);
        owner.patchForm(slot, "occupied", "true");

        assertMessage(409, "slot unavailable", http.asNewUser().post(slot + "/reservation"));
    }

    @Test
    void theHolderReleasesItsReservation() {
        String slot = slotOf(http.asNewUser());
        Http holder = http.asNewUser();
        holder.postForm(slot + "/reservation", "minutes", "10");

        assertMessage(200, "OK", holder.delete(slot + "/reservation"));
        assertSlot(200, "\"reserved_by\":null", holder.get(slot));
    }

    @Test
    void answersReservationNotFoundToAReleaseOfAFreeSlot() {
        Http owner = http.asNewUser();
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
