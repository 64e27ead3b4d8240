package parking.functions.sensors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static parking.functions.testing.ResponseAssertions.assertJson;
import static parking.functions.testing.ResponseAssertions.assertMessage;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import parking.functions.slots.SlotApi;
import parking.functions.testing.FaultProxy;
import parking.functions.testing.LocalDynamo;
import parking.http.Request;
import parking.testing.StandardOutput;

/** {@code PUT /slots/<slot_id>/occupancy}: the Sensors section of the contract, rule by rule. */
@ExtendWith(LocalDynamo.class)
class ReportOccupancyHandlerTest {

    private static final SlotApi API = new SlotApi();
    private static final String WELL_FORMED_WRONG_KEY = "psk_" + "A".repeat(43);

    private final SlotApi.Caller owner = API.newCaller();
    private final SlotApi.Caller driver = API.newCaller();

    private String at(Duration fromNow) {
        return API.clock().instant().plus(fromNow).toString();
    }

    @Test
    void anAppliedReportSetsOccupancyBothSensorTimesAndUpdatedAt() {
        long id = API.slotOf(owner);
        String key = API.sensorKeyOf(owner, id);
        API.clock().advance(Duration.ofMinutes(2));
        String observed = API.clock().instant().minusMillis(750).toString();

        JsonNode slot = assertJson(200, API.report(key, id, "occupied", "true", "observed_at", observed));

        assertTrue(slot.get("occupied").asBoolean());
        assertEquals("occupied", slot.get("status").asText());
        assertEquals(observed, slot.get("sensor").get("observed_at").asText());
        assertEquals(API.clock().instant().toString(), slot.get("sensor").get("reported_at").asText());
        assertEquals(API.clock().instant().toString(), slot.get("updated_at").asText());
        assertEquals(API.get(driver, id).getBody(), API.report(key, id, "occupied", "true", "observed_at", observed).getBody(),
                "the answer is the slot as stored");
    }

    @Test
    void withoutObservedAtTheTimeOfReceiptCounts() {
        long id = API.slotOf(owner);
        String key = API.sensorKeyOf(owner, id);
        API.clock().advance(Duration.ofSeconds(5));

        JsonNode slot = assertJson(200, API.report(key, id, "occupied", "1"));

        assertEquals(API.clock().instant().toString(), slot.get("sensor").get("observed_at").asText());
    }

    @Test
    void aLateReportChangesNothingAndGetsTheSlotAsStored() {
        long id = API.slotOf(owner);
        String key = API.sensorKeyOf(owner, id);
        String stored = API.report(key, id, "occupied", "false", "observed_at", at(Duration.ofSeconds(-10))).getBody();

        APIGatewayV2HTTPResponse late = API.report(key, id, "occupied", "true", "observed_at", at(Duration.ofSeconds(-20)));

        assertJson(200, late);
        assertEquals(stored, late.getBody());
        assertEquals(stored, API.get(driver, id).getBody());
    }

    @Test
    void aDuplicateReportWithTheSameObservedAtChangesNothing() {
        long id = API.slotOf(owner);
        String key = API.sensorKeyOf(owner, id);
        String observed = at(Duration.ofMillis(-250));
        String stored = API.report(key, id, "occupied", "true", "observed_at", observed).getBody();
        API.clock().advance(Duration.ofSeconds(3));

        assertEquals(stored, API.report(key, id, "occupied", "false", "observed_at", observed).getBody());
    }

    @Test
    void reportsAMillisecondApartAreOrderedByTheirMilliseconds() {
        long id = API.slotOf(owner);
        String key = API.sensorKeyOf(owner, id);
        Instant second = API.clock().instant().minusSeconds(1);

        API.report(key, id, "occupied", "true", "observed_at", second.plusMillis(2).toString());
        JsonNode slot = assertJson(200, API.report(key, id, "occupied", "false", "observed_at", second.plusMillis(1).toString()));

        assertTrue(slot.get("occupied").asBoolean());
        assertEquals(second.plusMillis(2).toString(), slot.get("sensor").get("observed_at").asText());
    }

    @Test
    void observedAtUpToSixtySecondsAheadIsAccepted() {
        long id = API.slotOf(owner);
        String key = API.sensorKeyOf(owner, id);

        assertJson(200, API.report(key, id, "occupied", "true", "observed_at", at(Duration.ofSeconds(60))));
    }

    @Test
    void observedAtMoreThanSixtySecondsAheadIs400() {
        long id = API.slotOf(owner);
        String key = API.sensorKeyOf(owner, id);

        assertMessage(400, "invalid fields [observed_at]",
                API.report(key, id, "occupied", "true", "observed_at", at(Duration.ofMillis(60_001))));
    }

    @Test
    void malformedObservedAtIs400() {
        long id = API.slotOf(owner);
        String key = API.sensorKeyOf(owner, id);

        for (String observed : List.of("", "yesterday", "2026-12-05T10:00:00", "2026-12-05T10:00:00.1234Z", "2026-12-05T10:00:00+01:00")) {
            assertMessage(400, "invalid fields [observed_at]", API.report(key, id, "occupied", "true", "observed_at", observed));
        }
    }

    @Test
    void badOccupiedAndObservedAtAreNamedInTheContractsOrder() {
        long id = API.slotOf(owner);
        String key = API.sensorKeyOf(owner, id);

        assertMessage(400, "invalid fields [occupied, observed_at]",
                API.report(key, id, "observed_at", "soon", "occupied", "maybe"));
    }

    @Test
    void withoutOccupiedIs400MissingFields() {
        long id = API.slotOf(owner);
        String key = API.sensorKeyOf(owner, id);

        assertMessage(400, "missing fields [occupied]", API.report(key, id, "observed_at", at(Duration.ZERO)));
    }

    @Test
    void withoutAFormIs400MissingForm() {
        long id = API.slotOf(owner);
        String key = API.sensorKeyOf(owner, id);

        assertMessage(400, "missing form", API.sendReport(SlotApi.occupancy(Long.toString(id)).bearer(key)));
    }

    @Test
    void occupiedTrueEndsAnActiveReservation() {
        long id = API.slotOf(owner);
        String key = API.sensorKeyOf(owner, id);
        assertJson(201, API.reserve(driver, id));

        JsonNode slot = assertJson(200, API.report(key, id, "occupied", "true"));

        assertTrue(slot.get("reserved_by").isNull());
        API.clock().advance(Duration.ofSeconds(1));
        API.report(key, id, "occupied", "false");
        assertTrue(assertJson(200, API.get(driver, id)).get("reserved_by").isNull(), "the reservation does not come back");
    }

    @Test
    void occupiedFalseLeavesAnActiveReservationInPlace() {
        long id = API.slotOf(owner);
        String key = API.sensorKeyOf(owner, id);
        assertJson(201, API.reserve(driver, id));

        JsonNode slot = assertJson(200, API.report(key, id, "occupied", "false"));

        assertEquals(driver.id(), slot.get("reserved_by").asLong());
        assertEquals("reserved", slot.get("status").asText());
    }

    @Test
    void anAppliedOccupiedReportCountsSlotOccupiedAndARefusedOrFreeOneNothing() {
        long id = API.slotOf(owner);
        String key = API.sensorKeyOf(owner, id);
        String earlier = at(Duration.ofSeconds(-30));

        String printed = StandardOutput.printedBy(() -> {
            API.report(key, id, "occupied", "true");
            API.report(key, id, "occupied", "true", "observed_at", earlier);
            API.clock().advance(Duration.ofSeconds(1));
            API.report(key, id, "occupied", "false");
        });

        assertEquals(1, printed.lines().filter(line -> line.contains("\"Name\":\"SlotOccupied\"")).count(), printed);
    }

    @Test
    void theOwnersPatchStillOverridesAtOnce() {
        long id = API.slotOf(owner);
        String key = API.sensorKeyOf(owner, id);
        JsonNode reported = assertJson(200, API.report(key, id, "occupied", "true"));

        JsonNode patched = assertJson(200, API.patch(owner, id, "occupied", "false"));

        assertFalse(patched.get("occupied").asBoolean());
        assertEquals(reported.get("sensor"), patched.get("sensor"), "the standing report's times stay");
    }

    @Test
    void noAuthorizationHeaderIs401MissingToken() {
        long id = API.slotOf(owner);

        APIGatewayV2HTTPResponse response = API.sendReport(SlotApi.occupancy(Long.toString(id)).form("occupied", "true"));

        assertMessage(401, "missing token", response);
        assertEquals("Bearer", response.getHeaders().get("WWW-Authenticate"));
    }

    @Test
    void aJwtIs401InvalidSensorKey() {
        long id = API.slotOf(owner);

        APIGatewayV2HTTPResponse response = API.report(owner.token(), id, "occupied", "true");

        assertMessage(401, "invalid sensor key", response);
        assertEquals("Bearer error=\"invalid_token\"", response.getHeaders().get("WWW-Authenticate"));
    }

    @Test
    void aValueThatIsNotAKeysShapeIs401WithoutADatabaseCall() throws Exception {
        try (FaultProxy database = new FaultProxy(LocalDynamo.endpoint())) {
            database.always(FaultProxy.Fault.THROTTLE);

            APIGatewayV2HTTPResponse response = API.handlers().reportOccupancy(database.endpoint()).handleRequest(
                    SlotApi.occupancy("1").bearer("psk_short").form("occupied", "true").build(), null);

            assertMessage(401, "invalid sensor key", response);
            assertEquals(List.of(), database.operations());
        }
    }

    @Test
    void aMalformedKeyIs401BeforeAnOversizedBodyIs413() {
        String oversized = "x".repeat(Request.MAX_BODY_BYTES + 1);

        assertMessage(401, "invalid sensor key", API.sendReport(SlotApi.occupancy("1").bearer("psk_short").form("occupied", oversized)));
        assertMessage(413, "payload too large", API.sendReport(SlotApi.occupancy("1").bearer(WELL_FORMED_WRONG_KEY).form("occupied", oversized)));
    }

    @Test
    void aWellFormedWrongKeyIsFoundAfterTheFormChecks() {
        long id = API.slotOf(owner);
        API.sensorKeyOf(owner, id);

        assertMessage(400, "missing fields [occupied]", API.report(WELL_FORMED_WRONG_KEY, id, "observed_at", at(Duration.ZERO)));
        APIGatewayV2HTTPResponse response = API.report(WELL_FORMED_WRONG_KEY, id, "occupied", "true");
        assertMessage(401, "invalid sensor key", response);
        assertEquals("Bearer error=\"invalid_token\"", response.getHeaders().get("WWW-Authenticate"));
    }

    @Test
    void aMissingSlotIs404WhateverTheKey() {
        long id = API.slotOf(owner);
        String key = API.sensorKeyOf(owner, id);

        assertMessage(404, "slot not found", API.report(key, Long.MAX_VALUE - 1, "occupied", "true"));
        assertMessage(404, "slot not found", API.report(WELL_FORMED_WRONG_KEY, Long.MAX_VALUE - 1, "occupied", "true"));
        assertMessage(404, "slot not found", API.sendReport(SlotApi.occupancy("007").bearer(key).form("occupied", "true")));
    }

    @Test
    void aSlotWithoutAKeyRefusesEveryKey() {
        long id = API.slotOf(owner);

        assertMessage(401, "invalid sensor key", API.report(WELL_FORMED_WRONG_KEY, id, "occupied", "true"));
    }

    @Test
    void oneSlotsKeyCannotReportForAnother() {
        long first = API.slotOf(owner);
        long second = API.slotOf(owner);
        String firstKey = API.sensorKeyOf(owner, first);
        API.sensorKeyOf(owner, second);

        assertMessage(401, "invalid sensor key", API.report(firstKey, second, "occupied", "true"));
        assertFalse(assertJson(200, API.get(driver, second)).get("occupied").asBoolean());
    }

    @Test
    void aReplacedKeyIsRefusedAtOnceAndTheNewKeyStartsANewOrder() {
        long id = API.slotOf(owner);
        String oldKey = API.sensorKeyOf(owner, id);
        API.report(oldKey, id, "occupied", "true", "observed_at", at(Duration.ofSeconds(30)));

        String newKey = API.sensorKeyOf(owner, id);

        assertMessage(401, "invalid sensor key", API.report(oldKey, id, "occupied", "false", "observed_at", at(Duration.ofSeconds(40))));
        JsonNode slot = assertJson(200, API.report(newKey, id, "occupied", "false", "observed_at", at(Duration.ofSeconds(-30))));
        assertFalse(slot.get("occupied").asBoolean(), "a replaced sensor's clock may be behind the old one's");
        assertEquals(at(Duration.ofSeconds(-30)), slot.get("sensor").get("observed_at").asText());
    }

    @Test
    void aRevokedKeyIsRefused() {
        long id = API.slotOf(owner);
        String key = API.sensorKeyOf(owner, id);

        assertMessage(200, "OK", API.revokeSensorKey(owner, id));

        assertMessage(401, "invalid sensor key", API.report(key, id, "occupied", "true"));
    }

    @Test
    void aSensorKeyIsNoTokenOnTheJwtRoutes() {
        long id = API.slotOf(owner);
        String key = API.sensorKeyOf(owner, id);
        SlotApi.Caller holdingAKey = new SlotApi.Caller(owner.id(), key);

        for (APIGatewayV2HTTPResponse response : List.of(API.get(holdingAKey, id), API.list(holdingAKey, ""),
                API.patch(holdingAKey, id, "name", "stolen"), API.delete(holdingAKey, id), API.reserve(holdingAKey, id),
                API.issueSensorKey(holdingAKey, id), API.revokeSensorKey(holdingAKey, id))) {
            assertMessage(401, "invalid token", response);
        }
        assertEquals("A-01", assertJson(200, API.get(owner, id)).get("name").asText());
    }
}
