package parking.functions.benchmarks;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import parking.slots.SlotKeys;

/**
 * A slot's item as the slots table holds it (docs/DATA-MODEL.md), in DynamoDB's JSON wire format,
 * its keys from the project's own {@link SlotKeys}: what {@link ScaleModel} measures entry sizes
 * and index writes on. Names are 8 characters ({@code P0000042}), coordinates have 6 decimals
 * (about 0.1 m, what a GPS-placed sensor sends), {@code updated_at} is ISO-8601 in whole seconds.
 */
final class SlotShape {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private SlotShape() {
    }

    /** Rounded as stored: 6 decimals, trailing zeros dropped as DynamoDB normalizes numbers. */
    static BigDecimal coordinate(double degrees) {
        return BigDecimal.valueOf(degrees).setScale(6, RoundingMode.HALF_EVEN).stripTrailingZeros();
    }

    static ObjectNode item(long id, long ownerId, BigDecimal latitude, BigDecimal longitude, boolean occupied, Instant updatedAt) {
        ObjectNode item = NODES.objectNode();
        number(item, "id", BigDecimal.valueOf(id));
        string(item, "cell", SlotKeys.cell(latitude, longitude));
        string(item, "listing", SlotKeys.listing(id));
        number(item, "owner_id", BigDecimal.valueOf(ownerId));
        string(item, "name", String.format(Locale.ROOT, "P%07d", id % 10_000_000));
        number(item, "latitude", latitude);
        number(item, "longitude", longitude);
        item.set("occupied", NODES.objectNode().put("BOOL", occupied));
        string(item, "updated_at", DateTimeFormatter.ISO_INSTANT.format(updatedAt.truncatedTo(ChronoUnit.SECONDS)));
        return item;
    }

    /** The item after a sensor report at {@code at}: occupancy as given; {@code occupied} ends a reservation. */
    static ObjectNode reported(ObjectNode item, boolean occupied, Instant at) {
        ObjectNode after = touched(item, at);
        after.set("occupied", NODES.objectNode().put("BOOL", occupied));
        if (occupied) {
            after.remove(List.of("reserved_by", "reserved_until"));
        }
        return after;
    }

    /** The item given a sensor key at {@code at}: the key's hash (43 base64url characters of SHA-256) and the issue time, in epoch milliseconds. */
    static ObjectNode keyed(ObjectNode item, Instant at) {
        ObjectNode after = touched(item, at);
        string(after, "sensor_key_hash", "Iq_yT_hBWTwp0MPz2KdksGHdQYxanlF613jTmt8VTsA");
        number(after, "sensor_issued_at", BigDecimal.valueOf(at.toEpochMilli()));
        after.remove(List.of("sensor_observed_at", "sensor_reported_at"));
        return after;
    }

    /** The item with its sensor key and report removed, at {@code at}. */
    static ObjectNode revoked(ObjectNode item, Instant at) {
        ObjectNode after = touched(item, at);
        after.remove(List.of("sensor_key_hash", "sensor_issued_at", "sensor_observed_at", "sensor_reported_at"));
        return after;
    }

    /** The item after its keyed sensor's report ({@code PUT /slots/<id>/occupancy}) observed at {@code observed}, received at {@code at}. */
    static ObjectNode sensorReported(ObjectNode item, boolean occupied, Instant observed, Instant at) {
        ObjectNode after = reported(item, occupied, at);
        number(after, "sensor_observed_at", BigDecimal.valueOf(observed.toEpochMilli()));
        number(after, "sensor_reported_at", BigDecimal.valueOf(at.toEpochMilli()));
        return after;
    }

    /** The item reserved by a user until a time, written at {@code at}. */
    static ObjectNode reserved(ObjectNode item, long userId, Instant until, Instant at) {
        ObjectNode after = touched(item, at);
        number(after, "reserved_by", BigDecimal.valueOf(userId));
        number(after, "reserved_until", BigDecimal.valueOf(until.getEpochSecond()));
        return after;
    }

    /** The item with its reservation removed, written at {@code at}. */
    static ObjectNode released(ObjectNode item, Instant at) {
        ObjectNode after = touched(item, at);
        after.remove(List.of("reserved_by", "reserved_until"));
        return after;
    }

    /** The item renamed at {@code at}. */
    static ObjectNode renamed(ObjectNode item, String name, Instant at) {
        ObjectNode after = touched(item, at);
        string(after, "name", name);
        return after;
    }

    /** The item moved to a new place at {@code at}: its coordinates and its cell. */
    static ObjectNode moved(ObjectNode item, BigDecimal latitude, BigDecimal longitude, Instant at) {
        ObjectNode after = touched(item, at);
        number(after, "latitude", latitude);
        number(after, "longitude", longitude);
        string(after, "cell", SlotKeys.cell(latitude, longitude));
        return after;
    }

    static BigDecimal latitude(ObjectNode item) {
        return new BigDecimal(item.path("latitude").path("N").asText());
    }

    static BigDecimal longitude(ObjectNode item) {
        return new BigDecimal(item.path("longitude").path("N").asText());
    }

    /** Every write sets updated_at. */
    private static ObjectNode touched(ObjectNode item, Instant at) {
        ObjectNode after = item.deepCopy();
        string(after, "updated_at", DateTimeFormatter.ISO_INSTANT.format(at.truncatedTo(ChronoUnit.SECONDS)));
        return after;
    }

    private static void string(ObjectNode item, String name, String value) {
        item.set(name, NODES.objectNode().put("S", value));
    }

    private static void number(ObjectNode item, String name, BigDecimal value) {
        item.set(name, NODES.objectNode().put("N", value.toPlainString()));
    }
}
