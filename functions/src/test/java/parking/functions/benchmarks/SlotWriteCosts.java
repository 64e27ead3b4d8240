package parking.functions.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What each kind of slot write the API makes costs, in the table and in each index, by
 * {@link GlobalIndex#writeUnits}: the table docs/DATA-MODEL.md shows, computed from the template
 * rather than typed in.
 */
final class SlotWriteCosts {

    /** One kind of slot write: the table's units and each index's. */
    record WriteCost(String write, int tableUnits, Map<String, Integer> indexUnits) {

        int total() {
            return tableUnits + indexUnits.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    private SlotWriteCosts() {
    }

    /** Every kind of slot write, on a slot at this place (written at {@code now}, then a minute later). */
    static List<WriteCost> of(List<GlobalIndex> indexes, BigDecimal latitude, BigDecimal longitude, Instant now) {
        ObjectNode free = SlotShape.item(1, 1, latitude, longitude, false, now);
        ObjectNode occupied = SlotShape.reported(free, true, now);
        ObjectNode reserved = SlotShape.reserved(free, 2, now.plusSeconds(900), now);
        Instant later = now.plusSeconds(60);
        JsonNode none = JsonNodeFactory.instance.objectNode();
        Map<String, JsonNode[]> writes = new LinkedHashMap<>();
        writes.put("create (`POST /slots`, without the id counter's write)", new JsonNode[] {none, free});
        writes.put("sensor report, occupancy unchanged", new JsonNode[] {free, SlotShape.reported(free, false, later)});
        writes.put("sensor report, free → occupied", new JsonNode[] {free, SlotShape.reported(free, true, later)});
        writes.put("sensor report, occupied → free", new JsonNode[] {occupied, SlotShape.reported(occupied, false, later)});
        writes.put("sensor report, occupied ending a reservation", new JsonNode[] {reserved, SlotShape.reported(reserved, true, later)});
        ObjectNode keyed = SlotShape.sensorReported(SlotShape.keyed(free, now), false, now, now);
        ObjectNode keyedOccupied = SlotShape.sensorReported(keyed, true, now, now);
        writes.put("sensor key issued (or replaced)", new JsonNode[] {free, SlotShape.keyed(free, later)});
        writes.put("sensor key revoked", new JsonNode[] {keyed, SlotShape.revoked(keyed, later)});
        writes.put("keyed sensor's report, occupancy unchanged", new JsonNode[] {keyed, SlotShape.sensorReported(keyed, false, later, later)});
        writes.put("keyed sensor's report, free → occupied", new JsonNode[] {keyed, SlotShape.sensorReported(keyed, true, later, later)});
        writes.put("keyed sensor's report, occupied → free",
                new JsonNode[] {keyedOccupied, SlotShape.sensorReported(keyedOccupied, false, later, later)});
        // A refused conditional write changes nothing and is billed like a write of the stored item.
        writes.put("keyed sensor's report refused (late, duplicate, wrong key)", new JsonNode[] {keyed, keyed});
        writes.put("reserve", new JsonNode[] {free, SlotShape.reserved(free, 2, later.plusSeconds(900), later)});
        writes.put("release", new JsonNode[] {reserved, SlotShape.released(reserved, later)});
        writes.put("rename", new JsonNode[] {free, SlotShape.renamed(free, "P-renamed", later)});
        writes.put("move within its cell",
                new JsonNode[] {free, SlotShape.moved(free, CostVariants.sameCellLatitude(latitude, longitude), longitude, later)});
        writes.put("move to another cell",
                new JsonNode[] {free, SlotShape.moved(free, CostVariants.nextCellLatitude(latitude, longitude), longitude, later)});
        writes.put("delete", new JsonNode[] {free, none});
        List<WriteCost> costs = new ArrayList<>();
        writes.forEach((write, items) -> {
            Map<String, Integer> byIndex = new LinkedHashMap<>();
            indexes.forEach(index -> byIndex.put(index.name(), index.writeUnits(items[0], items[1])));
            // The table bills a write by the larger of the item before and after.
            int tableBytes = Math.max(ItemSize.bytes(items[0]), ItemSize.bytes(items[1]));
            costs.add(new WriteCost(write, ItemSize.writeUnits(tableBytes), byIndex));
        });
        return costs;
    }
}
