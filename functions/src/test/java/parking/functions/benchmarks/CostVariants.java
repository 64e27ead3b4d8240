package parking.functions.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import parking.slots.SlotKeys;

/**
 * Requests the story of {@code events/} does not tell but the cost table must show, each derived
 * from a sample event by changing only its form, its query or its key: the sensor reports that
 * keep and that flip occupancy (a sensor report's cost differs between the two), moves of a slot
 * within its nearby cell and to another cell (the cells come from {@link SlotKeys#cell}), and
 * the keyed sensor's reports the write refuses (late, or with a wrong key). The nearby search has
 * a sample event of its own ({@code events/list-slots.nearby.json}).
 */
final class CostVariants {

    /** One derived request: what the cost table calls it, its event and the status it must get. */
    record Variant(String label, byte[] event, int status) {
    }

    /** A well-formed key that is not the slot's. */
    private static final String WRONG_KEY = "psk_" + "W".repeat(43);

    private static final ObjectMapper JSON = new ObjectMapper();
    /** About 11 m of latitude: a step small enough to stay in a cell of about 1.1 km, and to find the next one. */
    private static final BigDecimal STEP = new BigDecimal("0.0001");

    private CostVariants() {
    }

    /**
     * The variants of a sample event, given the slot as the last answer showed it.
     *
     * @param event the sample event, token included
     * @param slot  the slot (a JSON answer of a slot route)
     */
    static List<Variant> of(String routeKey, byte[] event, JsonNode slot) {
        BigDecimal latitude = slot.path("latitude").decimalValue();
        BigDecimal longitude = slot.path("longitude").decimalValue();
        return switch (routeKey) {
            case "PATCH /slots/{slot_id}" -> {
                String occupied = Boolean.toString(slot.path("occupied").asBoolean());
                String flipped = Boolean.toString(!slot.path("occupied").asBoolean());
                BigDecimal sameCell = sameCellLatitude(latitude, longitude);
                BigDecimal otherCell = nextCellLatitude(latitude, longitude);
                yield List.of(
                        new Variant("sensor report, occupancy unchanged", withForm(event, "occupied=" + occupied), 200),
                        new Variant("sensor report, occupancy flips", withForm(event, "occupied=" + flipped), 200),
                        new Variant("sensor report, occupancy flips back", withForm(event, "occupied=" + occupied), 200),
                        new Variant("move within its cell", withForm(event, "latitude=" + sameCell.toPlainString()), 200),
                        new Variant("move to another cell", withForm(event, "latitude=" + otherCell.toPlainString()), 200));
            }
            case "PUT /slots/{slot_id}/occupancy" -> {
                // Device times after the standing report's, one second apart, and one before it.
                Instant standing = Instant.parse(slot.path("sensor").path("observed_at").asText());
                String occupied = Boolean.toString(slot.path("occupied").asBoolean());
                String flipped = Boolean.toString(!slot.path("occupied").asBoolean());
                yield List.of(
                        new Variant("keep-alive, occupancy unchanged", withForm(event, report(occupied, standing.plusSeconds(1))), 200),
                        new Variant("occupancy flips", withForm(event, report(flipped, standing.plusSeconds(2))), 200),
                        new Variant("occupancy flips back", withForm(event, report(occupied, standing.plusSeconds(3))), 200),
                        new Variant("late report (refused)", withForm(event, report(flipped, standing)), 200),
                        new Variant("wrong key (refused)", withBearer(withForm(event, report(flipped, standing.plusSeconds(4))), WRONG_KEY), 401));
            }
            default -> List.of();
        };
    }

    /** A latitude one step south, or north when that leaves the cell. */
    static BigDecimal sameCellLatitude(BigDecimal latitude, BigDecimal longitude) {
        BigDecimal south = latitude.subtract(STEP);
        return SlotKeys.cell(south, longitude).equals(SlotKeys.cell(latitude, longitude)) ? south : latitude.add(STEP);
    }

    /** The first latitude, stepping toward the equator, whose cell is another. */
    static BigDecimal nextCellLatitude(BigDecimal latitude, BigDecimal longitude) {
        String cell = SlotKeys.cell(latitude, longitude);
        BigDecimal step = latitude.signum() < 0 ? STEP : STEP.negate();
        BigDecimal moved = latitude;
        while (SlotKeys.cell(moved, longitude).equals(cell)) {
            moved = moved.add(step);
        }
        return moved;
    }

    private static String report(String occupied, Instant observedAt) {
        return "occupied=" + occupied + "&observed_at=" + observedAt;
    }

    private static byte[] withBearer(byte[] event, String credential) {
        ObjectNode json = read(event);
        ((ObjectNode) json.path("headers")).put("authorization", "Bearer " + credential);
        return write(json);
    }

    private static byte[] withForm(byte[] event, String urlencoded) {
        ObjectNode json = read(event);
        byte[] body = urlencoded.getBytes(StandardCharsets.UTF_8);
        json.put("body", Base64.getEncoder().encodeToString(body)).put("isBase64Encoded", true);
        ((ObjectNode) json.path("headers")).put("content-length", Integer.toString(body.length));
        return write(json);
    }

    private static ObjectNode read(byte[] event) {
        try {
            return (ObjectNode) JSON.readTree(event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] write(JsonNode event) {
        try {
            return JSON.writeValueAsBytes(event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
