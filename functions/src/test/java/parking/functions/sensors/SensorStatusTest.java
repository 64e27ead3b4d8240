package parking.functions.sensors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static parking.functions.testing.ResponseAssertions.assertJson;
import static parking.functions.testing.ResponseAssertions.assertMessage;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import parking.functions.slots.SlotApi;
import parking.functions.testing.LocalDynamo;

/**
 * A slot's {@code status}, computed at read time on the test clock: silence (the template's
 * SensorSilenceMinutes, 60 by default) makes a keyed slot unknown, and the status and
 * availability filters follow it, nearby too. Each test places its slots at its own spot so
 * that nearby answers hold only them.
 */
@ExtendWith(LocalDynamo.class)
class SensorStatusTest {

    private static final SlotApi API = new SlotApi();
    private static final Duration SILENCE = Duration.ofMinutes(60);

    private final SlotApi.Caller owner = API.newCaller();
    private final SlotApi.Caller driver = API.newCaller();

    private static String status(JsonNode slot) {
        return slot.get("status").asText();
    }

    private String statusOf(long id) {
        return status(assertJson(200, API.get(driver, id)));
    }

    @Test
    void aKeyedSlotIsUnknownOnceItsSensorIsSilentForTheWindowCountedFromTheKeysIssue() {
        long id = API.slotOf(owner);
        API.sensorKeyOf(owner, id);

        API.clock().advance(SILENCE);
        assertEquals("free", statusOf(id), "a report within the window, to the second, keeps it watched");
        API.clock().advance(Duration.ofSeconds(1));
        assertEquals("unknown", statusOf(id));
    }

    @Test
    void silenceIsCountedFromTheLastAppliedReport() {
        long id = API.slotOf(owner);
        String key = API.sensorKeyOf(owner, id);
        API.clock().advance(SILENCE.minusMinutes(1));
        API.report(key, id, "occupied", "true");

        API.clock().advance(SILENCE);
        assertEquals("occupied", statusOf(id));
        API.clock().advance(Duration.ofSeconds(1));
        assertEquals("unknown", statusOf(id));
    }

    @Test
    void aKeepAliveReportBringsASilentSlotBack() {
        long id = API.slotOf(owner);
        String key = API.sensorKeyOf(owner, id);
        API.clock().advance(SILENCE.plusMinutes(5));
        assertEquals("unknown", statusOf(id));

        JsonNode slot = assertJson(200, API.report(key, id, "occupied", "false"));

        assertEquals("free", status(slot));
    }

    @Test
    void aLateReportIsNoSignOfLife() {
        long id = API.slotOf(owner);
        String key = API.sensorKeyOf(owner, id);
        String newest = API.clock().instant().toString();
        API.report(key, id, "occupied", "false", "observed_at", newest);
        API.clock().advance(SILENCE.plusSeconds(1));

        JsonNode slot = assertJson(200, API.report(key, id, "occupied", "false", "observed_at", newest));

        assertEquals("unknown", status(slot));
    }

    @Test
    void aSlotWithoutAKeyIsNeverSilent() {
        long id = API.slotOf(owner);

        API.clock().advance(Duration.ofDays(3));

        assertEquals("free", statusOf(id));
    }

    @Test
    void revokingTheKeyEndsTheSilence() {
        long id = API.slotOf(owner);
        API.sensorKeyOf(owner, id);
        API.clock().advance(SILENCE.plusMinutes(1));

        API.revokeSensorKey(owner, id);

        assertEquals("free", statusOf(id));
    }

    @Test
    void statusIsOccupiedThenReservedThenFree() {
        long id = API.slotOf(owner);
        API.patch(owner, id, "occupied", "true");
        assertEquals("occupied", statusOf(id));
        API.patch(owner, id, "occupied", "false");
        API.reserve(driver, id, "minutes", "1");
        assertEquals("reserved", statusOf(id));
        API.clock().advance(Duration.ofMinutes(1));
        assertEquals("free", statusOf(id));
    }

    @Test
    void aSilentSlotIsInNoAvailableAnswerAndInTheUnknownOnesNearbyToo() {
        long silent = API.slotOf(owner, "name", "S", "latitude", "44.1", "longitude", "8.1");
        long watched = API.slotOf(owner, "name", "W", "latitude", "44.1001", "longitude", "8.1");
        long unwatched = API.slotOf(owner, "name", "U", "latitude", "44.1002", "longitude", "8.1");
        API.sensorKeyOf(owner, silent);
        API.clock().advance(SILENCE.plusSeconds(1));
        API.report(API.sensorKeyOf(owner, watched), watched, "occupied", "false");
        String near = "near=44.1,8.1&radius=100&";
        String mine = "owner_id=" + owner.id() + "&";

        assertEquals(List.of(watched, unwatched), SlotApi.ids(assertJson(200, API.list(driver, near + "available=true"))));
        assertEquals(List.of(watched, unwatched), SlotApi.ids(assertJson(200, API.list(driver, near + "status=free"))));
        assertEquals(List.of(silent), SlotApi.ids(assertJson(200, API.list(driver, near + "status=unknown"))));
        assertEquals(List.of(silent), SlotApi.ids(assertJson(200, API.list(driver, near + "available=false"))));
        assertEquals(List.of(watched, unwatched), SlotApi.ids(assertJson(200, API.list(driver, mine + "available=true"))));
        assertEquals(List.of(silent), SlotApi.ids(assertJson(200, API.list(driver, mine + "status=unknown"))));
        assertEquals("unknown", status(assertJson(200, API.list(driver, near + "status=unknown")).get(0)));
    }

    @Test
    void theStatusFilterKeepsOccupiedAndReservedSlots() {
        long occupied = API.slotOf(owner, "name", "O", "latitude", "43.1", "longitude", "9.1");
        long reserved = API.slotOf(owner, "name", "R", "latitude", "43.1", "longitude", "9.1001");
        long free = API.slotOf(owner, "name", "F", "latitude", "43.1", "longitude", "9.1002");
        API.patch(owner, occupied, "occupied", "true");
        API.reserve(driver, reserved);
        String mine = "owner_id=" + owner.id() + "&status=";

        assertEquals(List.of(occupied), SlotApi.ids(assertJson(200, API.list(driver, mine + "occupied"))));
        assertEquals(List.of(reserved), SlotApi.ids(assertJson(200, API.list(driver, mine + "reserved"))));
        assertEquals(List.of(free), SlotApi.ids(assertJson(200, API.list(driver, mine + "free"))));
        assertEquals(List.of(reserved), SlotApi.ids(assertJson(200, API.list(driver, "near=43.1,9.1&status=reserved"))));
    }

    @Test
    void availableAndStatusCombine() {
        long id = API.slotOf(owner, "name", "C", "latitude", "42.1", "longitude", "7.1");
        API.patch(owner, id, "occupied", "true");
        String mine = "owner_id=" + owner.id();

        assertEquals(List.of(), SlotApi.ids(assertJson(200, API.list(driver, mine + "&available=true&status=occupied"))));
        assertEquals(List.of(id), SlotApi.ids(assertJson(200, API.list(driver, mine + "&available=false&status=occupied"))));
    }

    @Test
    void anUnknownStatusValueIs400() {
        for (String status : List.of("", "FREE", "closed", "free,occupied")) {
            assertMessage(400, "invalid parameters [status]", API.list(driver, "status=" + status));
        }
    }

    @Test
    void everyAnswerHoldingASlotShowsItsStatus() {
        long id = API.slotOf(owner, "name", "E", "latitude", "41.1", "longitude", "6.1");

        assertEquals("free", status(assertJson(201, API.create(owner, "name", "E2", "latitude", "41.1", "longitude", "6.1"))));
        assertEquals("occupied", status(assertJson(200, API.patch(owner, id, "occupied", "true"))));
        API.patch(owner, id, "occupied", "false");
        assertEquals("reserved", status(assertJson(201, API.reserve(driver, id))));
        assertFalse(assertJson(200, API.list(driver, "near=41.1,6.1")).get(0).get("status").isNull());
        assertTrue(assertJson(200, API.list(driver, "owner_id=" + owner.id())).get(0).has("sensor"));
    }
}
