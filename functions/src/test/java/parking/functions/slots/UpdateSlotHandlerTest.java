package parking.functions.slots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static parking.functions.testing.ResponseAssertions.assertJson;
import static parking.functions.testing.ResponseAssertions.assertMessage;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import parking.functions.testing.LocalDynamo;

@ExtendWith(LocalDynamo.class)
class UpdateSlotHandlerTest {

    private static final SlotApi API = new SlotApi();

    private final SlotApi.Caller owner = API.newCaller();
    private final SlotApi.Caller other = API.newCaller();

    @Test
    void ownerChangesOneFieldAndTheOthersStay() {
        long id = API.slotOf(owner, "name", "A-01", "latitude", "45.0703", "longitude", "7.6869");

        JsonNode slot = assertJson(200, API.patch(owner, id, "name", "A-02"));

        assertEquals("A-02", slot.get("name").asText());
        assertEquals("45.0703", slot.get("latitude").decimalValue().toPlainString());
        assertEquals("7.6869", slot.get("longitude").decimalValue().toPlainString());
        assertEquals(false, slot.get("occupied").asBoolean());
        assertEquals(owner.id(), slot.get("owner_id").asLong());
        assertEquals(API.get(owner, id).getBody(), API.patch(owner, id, "name", "A-02").getBody());
    }

    @Test
    void ownerChangesEveryFieldAtOnce() {
        long id = API.slotOf(owner);

        JsonNode slot = assertJson(200, API.patch(owner, id, "name", "Z", "latitude", "-1.5", "longitude", "2.25", "occupied", "TRUE"));

        assertEquals("Z", slot.get("name").asText());
        assertEquals("-1.5", slot.get("latitude").decimalValue().toPlainString());
        assertEquals("2.25", slot.get("longitude").decimalValue().toPlainString());
        assertTrue(slot.get("occupied").asBoolean());
    }

    @Test
    void setsUpdatedAtToTheServersTime() {
        long id = API.slotOf(owner);
        API.clock().advance(Duration.ofMinutes(3));

        JsonNode slot = assertJson(200, API.patch(owner, id, "occupied", "1"));

        assertEquals(API.clock().instant().toString(), slot.get("updated_at").asText());
    }

    @Test
    void occupiedTrueEndsAnActiveReservation() {
        long id = API.slotOf(owner);
        assertJson(201, API.reserve(other, id));

        JsonNode slot = assertJson(200, API.patch(owner, id, "occupied", "true"));

        assertTrue(slot.get("reserved_by").isNull());
        assertTrue(slot.get("reserved_until").isNull());
        API.patch(owner, id, "occupied", "false");
        assertTrue(assertJson(200, API.get(other, id)).get("reserved_by").isNull(), "the reservation does not come back");
    }

    @Test
    void occupiedFalseLeavesAnActiveReservationInPlace() {
        long id = API.slotOf(owner);
        API.reserve(other, id);

        JsonNode slot = assertJson(200, API.patch(owner, id, "occupied", "false", "name", "renamed"));

        assertEquals(other.id(), slot.get("reserved_by").asLong());
    }

    @Test
    void twoConcurrentPatchesOfDifferentFieldsBothSurvive() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 10; round++) {
                long id = API.slotOf(owner);
                String name = "N-" + round;
                String latitude = (round + 1) + ".5";
                CountDownLatch start = new CountDownLatch(1);
                Future<Integer> renamed = pool.submit(() -> {
                    start.await();
                    return API.patch(owner, id, "name", name).getStatusCode();
                });
                Future<Integer> moved = pool.submit(() -> {
                    start.await();
                    return API.patch(owner, id, "latitude", latitude).getStatusCode();
                });
                start.countDown();
                assertEquals(200, renamed.get());
                assertEquals(200, moved.get());

                JsonNode slot = assertJson(200, API.get(owner, id));
                assertEquals(name, slot.get("name").asText());
                assertEquals(latitude, slot.get("latitude").decimalValue().toPlainString());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anotherUserGets403ForbiddenAndNothingChanges() {
        long id = API.slotOf(owner);
        String before = API.get(owner, id).getBody();

        assertMessage(403, "forbidden", API.patch(other, id, "occupied", "true"));
        assertEquals(before, API.get(owner, id).getBody());
    }

    @Test
    void answers404SlotNotFoundForAnUnknownSlot() {
        assertMessage(404, "slot not found", API.patch(owner, 999_999, "name", "x"));
    }

    @Test
    void answers404ForAPathIdThatIsNotAPositiveInteger() {
        assertMessage(404, "slot not found", API.handlers().update().handleRequest(
                SlotApi.slot("PATCH", "abc").bearer(owner.token()).form("name", "x").build(), null));
    }

    @Test
    void answers404BeforeForbiddenForAnUnknownSlot() {
        assertMessage(404, "slot not found", API.patch(other, 999_998, "occupied", "true"));
    }

    @Test
    void answersMissingFieldsListingAllFourWhenNoneIsSent() {
        long id = API.slotOf(owner);

        assertMessage(400, "missing fields [name, latitude, longitude, occupied]", API.patch(owner, id, "other", "x"));
    }

    @Test
    void answersMissingFormWithoutABodyOrForJson() {
        long id = API.slotOf(owner);

        assertMessage(400, "missing form", API.handlers().update().handleRequest(
                SlotApi.slot("PATCH", id).bearer(owner.token()).build(), null));
        assertMessage(400, "missing form", API.handlers().update().handleRequest(
                SlotApi.slot("PATCH", id).bearer(owner.token()).plainBody("application/json", "{\"occupied\":true}").build(), null));
    }

    @Test
    void answersInvalidFieldsInContractOrder() {
        long id = API.slotOf(owner);

        assertMessage(400, "invalid fields [name, latitude, longitude, occupied]",
                API.patch(owner, id, "occupied", "maybe", "longitude", "200", "latitude", "1e1", "name", ""));
        assertMessage(400, "invalid fields [occupied]", API.patch(owner, id, "name", "ok", "occupied", "yes"));
    }

    @Test
    void badInputIsAnswered400BeforeTheSlotIsLookedUpOrItsOwnerChecked() {
        long id = API.slotOf(owner);

        assertMessage(400, "invalid fields [latitude]", API.patch(owner, 999_997, "latitude", "91"));
        assertMessage(400, "invalid fields [latitude]", API.patch(other, id, "latitude", "91"));
        assertMessage(400, "invalid fields [latitude]", API.handlers().update().handleRequest(
                SlotApi.slot("PATCH", "abc").bearer(owner.token()).form("latitude", "91").build(), null));
    }

    @Test
    void answers413ForABodyOver16KiB() {
        long id = API.slotOf(owner);

        APIGatewayV2HTTPResponse response = API.patch(owner, id, "name", "x", "pad", "x".repeat(16 * 1024));

        assertMessage(413, "payload too large", response);
    }

    @Test
    void aPatchedSlotLeavesAndRejoinsTheAvailableList() {
        long id = API.slotOf(owner);
        String query = "owner_id=" + owner.id() + "&available=true";
        API.patch(owner, id, "occupied", "true");
        assertEquals(List.of(), SlotApi.ids(assertJson(200, API.list(owner, query))));

        API.patch(owner, id, "occupied", "false");

        assertEquals(List.of(id), SlotApi.ids(assertJson(200, API.list(owner, query))));
    }
}
