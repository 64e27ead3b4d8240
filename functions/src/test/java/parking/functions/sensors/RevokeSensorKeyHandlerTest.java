package parking.functions.sensors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static parking.functions.testing.ResponseAssertions.assertJson;
import static parking.functions.testing.ResponseAssertions.assertMessage;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import parking.functions.slots.SlotApi;
import parking.functions.testing.LocalDynamo;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** {@code DELETE /slots/<slot_id>/sensor-key}: the owner revokes the key; the slot is no longer watched. */
@ExtendWith(LocalDynamo.class)
class RevokeSensorKeyHandlerTest {

    private static final SlotApi API = new SlotApi();

    private final SlotApi.Caller owner = API.newCaller();
    private final SlotApi.Caller other = API.newCaller();

    @Test
    void theOwnerRevokesAndTheSlotShowsNoSensorButKeepsItsOccupancy() {
        long id = API.slotOf(owner);
        String key = API.sensorKeyOf(owner, id);
        API.report(key, id, "occupied", "true");

        assertMessage(200, "OK", API.revokeSensorKey(owner, id));

        JsonNode slot = assertJson(200, API.get(other, id));
        assertTrue(slot.get("sensor").isNull());
        assertTrue(slot.get("occupied").asBoolean());
        assertEquals("occupied", slot.get("status").asText());
    }

    @Test
    void revokingRemovesTheHashAndTheSensorTimesFromTheItem() {
        long id = API.slotOf(owner);
        API.report(API.sensorKeyOf(owner, id), id, "occupied", "true");

        API.revokeSensorKey(owner, id);

        Map<String, AttributeValue> item = LocalDynamo.client().getItem(get -> get.tableName("SlotsTable")
                .key(Map.of("id", AttributeValue.fromN(Long.toString(id)))).consistentRead(true)).item();
        assertFalse(item.keySet().stream().anyMatch(name -> name.startsWith("sensor_")), item.keySet().toString());
    }

    @Test
    void withoutAKeyIs404SensorKeyNotFound() {
        long id = API.slotOf(owner);

        assertMessage(404, "sensor key not found", API.revokeSensorKey(owner, id));
    }

    @Test
    void aSecondRevocationIs404SensorKeyNotFound() {
        long id = API.slotOf(owner);
        API.sensorKeyOf(owner, id);
        API.revokeSensorKey(owner, id);

        assertMessage(404, "sensor key not found", API.revokeSensorKey(owner, id));
    }

    @Test
    void anyoneButTheOwnerIs403AndTheKeyStillWorks() {
        long id = API.slotOf(owner);
        String key = API.sensorKeyOf(owner, id);

        assertMessage(403, "forbidden", API.revokeSensorKey(other, id));
        assertJson(200, API.report(key, id, "occupied", "true"));
    }

    @Test
    void withoutAKeyAnyoneGets404BeforeForbiddenAsTheCheckOrderSays() {
        long id = API.slotOf(owner);

        assertMessage(404, "sensor key not found", API.revokeSensorKey(other, id));
    }

    @Test
    void aMissingSlotIs404SlotNotFound() {
        assertMessage(404, "slot not found", API.revokeSensorKey(owner, Long.MAX_VALUE - 1));
    }
}
