package parking.functions.sensors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static parking.functions.testing.ResponseAssertions.assertJson;
import static parking.functions.testing.ResponseAssertions.assertMessage;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import parking.functions.slots.SlotApi;
import parking.functions.testing.LocalDynamo;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** {@code POST /slots/<slot_id>/sensor-key}: the owner issues (or replaces) the slot's sensor key. */
@ExtendWith(LocalDynamo.class)
class IssueSensorKeyHandlerTest {

    private static final SlotApi API = new SlotApi();

    private final SlotApi.Caller owner = API.newCaller();
    private final SlotApi.Caller other = API.newCaller();

    @Test
    void theOwnerGetsTheSlotIdAndANewKeyOnce() {
        long id = API.slotOf(owner);

        JsonNode issued = assertJson(201, API.issueSensorKey(owner, id));

        assertEquals(2, issued.size());
        assertEquals(id, issued.get("slot_id").asLong());
        assertTrue(issued.get("sensor_key").asText().matches("psk_[A-Za-z0-9_-]{43}"));
    }

    @Test
    void aKeyedSlotShowsASensorWithoutReportsAndStaysFree() {
        long id = API.slotOf(owner);
        API.sensorKeyOf(owner, id);

        JsonNode slot = assertJson(200, API.get(other, id));

        assertTrue(slot.get("sensor").get("observed_at").isNull());
        assertTrue(slot.get("sensor").get("reported_at").isNull());
        assertEquals("free", slot.get("status").asText());
    }

    @Test
    void aSlotWithoutAKeyShowsNoSensor() {
        long id = API.slotOf(owner);

        assertTrue(assertJson(200, API.get(other, id)).get("sensor").isNull());
    }

    @Test
    void onlyTheKeysSha256IsStoredNeverTheKey() throws Exception {
        long id = API.slotOf(owner);
        String key = API.sensorKeyOf(owner, id);

        Map<String, AttributeValue> item = LocalDynamo.client().getItem(get -> get.tableName("SlotsTable")
                .key(Map.of("id", AttributeValue.fromN(Long.toString(id)))).consistentRead(true)).item();

        String sha256 = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.US_ASCII)));
        assertEquals(sha256, item.get("sensor_key_hash").s());
        assertFalse(item.toString().contains(key.substring(4)), "the key itself is nowhere in the item");
    }

    @Test
    void everyIssueGivesADifferentKey() {
        long id = API.slotOf(owner);

        assertFalse(API.sensorKeyOf(owner, id).equals(API.sensorKeyOf(owner, id)));
    }

    @Test
    void anyoneButTheOwnerIs403() {
        long id = API.slotOf(owner);

        assertMessage(403, "forbidden", API.issueSensorKey(other, id));
        assertTrue(assertJson(200, API.get(owner, id)).get("sensor").isNull());
    }

    @Test
    void aMissingSlotIs404() {
        assertMessage(404, "slot not found", API.issueSensorKey(owner, Long.MAX_VALUE - 1));
    }

    @Test
    void aPathIdThatIsNotAPositiveIntegerIs404() {
        assertMessage(404, "slot not found", API.handlers().issueSensorKey().handleRequest(
                SlotApi.sensorKey("POST", "-1").bearer(owner.token()).build(), null));
    }

    @Test
    void withoutATokenIs401() {
        long id = API.slotOf(owner);

        assertMessage(401, "missing token", API.handlers().issueSensorKey().handleRequest(
                SlotApi.sensorKey("POST", Long.toString(id)).build(), null));
    }
}
