package parking.functions.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import parking.slots.SlotKeys;

/**
 * Requests the story of {@code events/} does not tell but the cost table must show, each derived
 * from a sample event by changing only its form or its query: the sensor reports that keep and
 * that flip occupancy (a sensor report's cost differs between the two), moves of a slot within
 * its nearby cell and to another cell (the cells come from {@link SlotKeys#cell}). The nearby
 * search has a sample event of its own ({@code events/list-slots.nearby.json}).
 */
final class CostVariants {

    /** One derived request: what the cost table calls it, and its event. */
    record Variant(String label, byte[] event) {
    }

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
                        new Variant("sensor report, occupancy unchanged", withForm(event, "occupied=" + occupied)),
                        new Variant("sensor report, occupancy flips", withForm(event, "occupied=" + flipped)),
                        new Variant("sensor report, occupancy flips back", withForm(event, "occupied=" + occupied)),
                        new Variant("move within its cell", withForm(event, "latitude=" + sameCell.toPlainString())),
                        new Variant("move to another cell", withForm(event, "latitude=" + otherCell.toPlainString())));
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
