package parking.functions.slots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static parking.functions.testing.ResponseAssertions.assertJson;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import parking.functions.testing.LocalDynamo;
import parking.slots.SlotBackfill;
import parking.slots.SlotKeys;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Slots as the first version wrote them (every slot under {@code listing = "slot"}, the
 * {@code unoccupied} marker, no cell) keep being served, and the backfill brings them into the
 * nearby search.
 */
@ExtendWith(LocalDynamo.class)
class SlotBackfillTest {

    private static final SlotApi API = new SlotApi();

    private final SlotApi.Caller owner = API.newCaller();
    private final SlotApi.Caller driver = API.newCaller();
    private final String table = LocalDynamo.environment("ListSlotsFunction").get("SLOTS_TABLE");
    private final int latitude = ThreadLocalRandom.current().nextInt(-60, 60);
    private final int longitude = ThreadLocalRandom.current().nextInt(-170, 170);

    /** PutItem of exactly the attributes the first version's SlotRepository.create wrote. */
    private long firstVersionSlot(String occupied) {
        long id = 1_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L);
        Map<String, AttributeValue> item = new HashMap<>(Map.of(
                "id", AttributeValue.fromN(Long.toString(id)),
                "listing", AttributeValue.fromS("slot"),
                "owner_id", AttributeValue.fromN(Long.toString(owner.id())),
                "name", AttributeValue.fromS("Old"),
                "latitude", AttributeValue.fromN(latitude + ".0001"),
                "longitude", AttributeValue.fromN(longitude + ".0001"),
                "occupied", AttributeValue.fromBool(Boolean.parseBoolean(occupied)),
                "updated_at", AttributeValue.fromS("2026-11-28T20:31:05Z")));
        if (!Boolean.parseBoolean(occupied)) {
            item.put("unoccupied", AttributeValue.fromS("slot"));
        }
        LocalDynamo.client().putItem(put -> put.tableName(table).item(item));
        return id;
    }

    private Map<String, AttributeValue> stored(long id) {
        return LocalDynamo.client().getItem(get -> get.tableName(table).key(Map.of("id", AttributeValue.fromN(Long.toString(id))))).item();
    }

    private List<Long> nearby() {
        return SlotApi.ids(assertJson(200, API.list(driver, "near=" + latitude + "," + longitude)));
    }

    @Test
    void slotsOfTheFirstVersionAreServedByIdInListsAndByOwnerBeforeTheBackfill() {
        long old = firstVersionSlot("false");

        assertEquals("Old", assertJson(200, API.get(driver, old)).get("name").asText());
        assertTrue(SlotApi.ids(assertJson(200, API.list(driver, "limit=1000&owner_id=" + owner.id()))).contains(old));
        List<Long> all = new ArrayList<>();
        String cursor = "";
        for (int page = 0; page < 100 && cursor != null; page++) {
            var response = API.list(driver, "limit=1000" + cursor);
            all.addAll(SlotApi.ids(assertJson(200, response)));
            String link = response.getHeaders().get("Link");
            cursor = link == null ? null : "&cursor=" + link.replaceAll(".*cursor=([^>&]*).*", "$1");
        }
        assertTrue(all.contains(old));
        assertEquals(200, API.patch(owner, old, "occupied", "true").getStatusCode());
        assertEquals(201, API.reserve(driver, firstVersionSlot("false")).getStatusCode());
    }

    @Test
    void theBackfillBringsThemIntoTheNearbySearch() {
        long free = firstVersionSlot("false");
        long occupied = firstVersionSlot("true");
        assertEquals(List.of(), nearby());

        SlotBackfill.Result result = new SlotBackfill(LocalDynamo.client(), table).run();

        assertTrue(result.updated() >= 2, result.toString());
        List<Long> found = nearby();
        assertEquals(2, found.size());
        assertTrue(found.containsAll(List.of(free, occupied)));
        assertEquals(List.of(free), SlotApi.ids(assertJson(200, API.list(driver, "available=true&near=" + latitude + "," + longitude))));
    }

    @Test
    void theBackfillGivesTheShardAndDropsTheMarkerOfTheIndexThatIsGone() {
        long old = firstVersionSlot("false");

        new SlotBackfill(LocalDynamo.client(), table).run();

        Map<String, AttributeValue> item = stored(old);
        assertEquals(SlotKeys.listing(old), item.get("listing").s());
        assertFalse(item.containsKey("unoccupied"));
        assertEquals("Old", item.get("name").s());
        assertEquals("2026-11-28T20:31:05Z", item.get("updated_at").s());
    }

    @Test
    void aSecondRunChangesNothingAndTodaysSlotsAreLeftAlone() {
        firstVersionSlot("false");
        API.slotOf(owner);
        new SlotBackfill(LocalDynamo.client(), table).run();

        SlotBackfill.Result again = new SlotBackfill(LocalDynamo.client(), table).run();

        assertEquals(0, again.updated(), again.toString());
        assertEquals(again.examined(), again.alreadyCurrent());
    }
}
