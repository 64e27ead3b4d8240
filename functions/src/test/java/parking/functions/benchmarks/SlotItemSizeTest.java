package parking.functions.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The largest slot item the API can write stays under 1 KB, so every write of a slot is billed 1 unit in the table. */
class SlotItemSizeTest {

    private static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");

    @Test
    void theLargestSlotWithAReservationAndASensorIsOneWriteUnit() {
        // The most SlotRules lets through: 20 decimals, ids near 2^63, 64 characters of 4 bytes each in UTF-8.
        ObjectNode item = SlotShape.item(Long.MAX_VALUE, Long.MAX_VALUE,
                new BigDecimal("-89.12345678901234567891"), new BigDecimal("-179.12345678901234567891"), false, NOW);
        item = SlotShape.renamed(item, "\uD835\uDD38".repeat(64), NOW);
        item = SlotShape.reserved(item, Long.MAX_VALUE, NOW.plusSeconds(7200), NOW);
        item = SlotShape.sensorReported(SlotShape.keyed(item, NOW), false, NOW.minusMillis(1), NOW);

        int bytes = ItemSize.bytes(item);

        assertEquals(1, ItemSize.writeUnits(bytes), bytes + " bytes");
    }
}
