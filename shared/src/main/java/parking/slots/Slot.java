package parking.slots;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import parking.json.JsonWriter;

/**
 * A parking slot as the API shows it at one moment: {@code reservation} is present only while a
 * reservation is active, so an expired one is indistinguishable from none; {@code sensor} only
 * while a sensor key is issued for the slot; {@code status} follows from the rest at that moment.
 */
public record Slot(
        long id,
        String name,
        BigDecimal latitude,
        BigDecimal longitude,
        boolean occupied,
        long ownerId,
        Optional<Reservation> reservation,
        Instant updatedAt,
        SlotStatus status,
        Optional<Sensor> sensor) {

    /** An active reservation: {@code userId} holds the slot until {@code until}. */
    public record Reservation(long userId, Instant until) {
    }

    /**
     * The slot's keyed sensor: the device time of the report that stands and when the API
     * received it, both empty until the sensor's first report under its current key.
     */
    public record Sensor(Optional<Instant> observedAt, Optional<Instant> reportedAt) {
    }

    /**
     * {@code {"id": 7, "name": "A-01", "latitude": 45.0703, "longitude": 7.6869, "occupied": false,
     * "owner_id": 1, "reserved_by": null, "reserved_until": null, "updated_at": "2026-11-28T20:31:05Z",
     * "status": "free", "sensor": {"observed_at": "2026-11-28T20:31:04.250Z", "reported_at": "2026-11-28T20:31:05Z"}}}
     */
    public static final JsonWriter.Fields<Slot> JSON = (json, slot) -> {
        json.writeNumberField("id", slot.id());
        json.writeStringField("name", slot.name());
        // Plain digits, never an exponent: the coordinates read back as they were written.
        json.writeFieldName("latitude");
        json.writeNumber(slot.latitude().toPlainString());
        json.writeFieldName("longitude");
        json.writeNumber(slot.longitude().toPlainString());
        json.writeBooleanField("occupied", slot.occupied());
        json.writeNumberField("owner_id", slot.ownerId());
        if (slot.reservation().isPresent()) {
            json.writeNumberField("reserved_by", slot.reservation().get().userId());
            json.writeStringField("reserved_until", timestamp(slot.reservation().get().until()));
        } else {
            json.writeNullField("reserved_by");
            json.writeNullField("reserved_until");
        }
        json.writeStringField("updated_at", timestamp(slot.updatedAt()));
        json.writeStringField("status", slot.status().wireName());
        if (slot.sensor().isEmpty()) {
            json.writeNullField("sensor");
            return;
        }
        json.writeObjectFieldStart("sensor");
        // The device's time keeps its milliseconds: it orders reports that share a second.
        json.writeStringField("observed_at", slot.sensor().get().observedAt().map(DateTimeFormatter.ISO_INSTANT::format).orElse(null));
        json.writeStringField("reported_at", slot.sensor().get().reportedAt().map(Slot::timestamp).orElse(null));
        json.writeEndObject();
    };

    /** ISO-8601 UTC with whole seconds, e.g. {@code 2026-11-28T20:31:05Z}. */
    public static String timestamp(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }
}
