package parking.sensors;

import parking.json.JsonWriter;

/** A key just issued for a slot: the one answer that ever shows it. */
public record IssuedKey(long slotId, SensorKey key) {

    /** {@code {"slot_id": 7, "sensor_key": "psk_…"}} */
    public static final JsonWriter.Fields<IssuedKey> JSON = (json, issued) -> {
        json.writeNumberField("slot_id", issued.slotId());
        json.writeStringField("sensor_key", issued.key().reveal());
    };
}
