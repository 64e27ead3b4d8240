package parking.functions.slots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static parking.functions.testing.ResponseAssertions.assertJson;
import static parking.functions.testing.ResponseAssertions.assertMessage;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import parking.functions.testing.LocalDynamo;

@ExtendWith(LocalDynamo.class)
class ListSlotsHandlerTest {

    private static final SlotApi API = new SlotApi();
    private static final Pattern NEXT = Pattern.compile("</slots\\?([^>]*)>; rel=\"next\"");

    private final SlotApi.Caller owner = API.newCaller();
    private final SlotApi.Caller driver = API.newCaller();

    /** Follows the Link headers from {@code query}; returns every page's ids. */
    private List<List<Long>> pages(String query) {
        List<List<Long>> pages = new ArrayList<>();
        String next = query;
        while (next != null) {
            APIGatewayV2HTTPResponse response = API.list(driver, next);
            pages.add(SlotApi.ids(assertJson(200, response)));
            String link = response.getHeaders().get("Link");
            if (link == null) {
                next = null;
            } else {
                Matcher matcher = NEXT.matcher(link);
                assertTrue(matcher.matches(), link);
                next = matcher.group(1);
            }
        }
        return pages;
    }

    private static List<Long> flat(List<List<Long>> pages) {
        return pages.stream().flatMap(List::stream).toList();
    }

    /** Slots of one owner in four states: free, occupied, actively reserved, reserved but expired. */
    private record Fleet(long free, long occupied, long reserved, long expired) {
    }

    private Fleet fleetOf(SlotApi.Caller fleetOwner) {
        long expired = API.slotOf(fleetOwner);
        API.reserve(driver, expired, "minutes", "1");
        API.clock().advance(Duration.ofMinutes(1));
        long free = API.slotOf(fleetOwner);
        long occupied = API.slotOf(fleetOwner, "name", "O", "latitude", "0", "longitude", "0", "occupied", "true");
        long reserved = API.slotOf(fleetOwner);
        API.reserve(driver, reserved);
        return new Fleet(free, occupied, reserved, expired);
    }

    @Test
    void listsSlotsAsABareJsonArrayInIdOrder() {
        long first = API.slotOf(owner);
        long second = API.slotOf(owner);

        JsonNode slots = assertJson(200, API.list(driver, ""));

        assertTrue(slots.isArray());
        List<Long> ids = SlotApi.ids(slots);
        assertEquals(ids.stream().sorted().distinct().toList(), ids);
        assertTrue(ids.containsAll(List.of(first, second)));
        JsonNode shown = slots.get(ids.indexOf(first));
        assertEquals(API.get(driver, first).getBody(), shown.toString());
    }

    /** distance_m belongs to nearby answers only; openapi.yaml's one slot schema cannot say so, this test does. */
    @Test
    void neitherAPlainListNorASingleSlotCarriesADistance() {
        long slot = API.slotOf(owner);

        JsonNode listed = assertJson(200, API.list(driver, "owner_id=" + owner.id()));
        JsonNode single = assertJson(200, API.get(driver, slot));

        assertTrue(listed.size() > 0);
        listed.forEach(item -> assertFalse(item.has("distance_m"), item.toString()));
        assertFalse(single.has("distance_m"), single.toString());
    }

    @Test
    void paginatesWithLimitAndCursorOverSeveralPages() {
        SlotApi.Caller fleetOwner = API.newCaller();
        List<Long> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(API.slotOf(fleetOwner));
        }

        List<List<Long>> pages = pages("owner_id=" + fleetOwner.id() + "&limit=2");

        assertEquals(List.of(created.subList(0, 2), created.subList(2, 4), created.subList(4, 5)), pages);
    }

    @Test
    void hasNoLinkWhenTheLastPageIsExactlyFull() {
        SlotApi.Caller fleetOwner = API.newCaller();
        API.slotOf(fleetOwner);
        API.slotOf(fleetOwner);

        APIGatewayV2HTTPResponse response = API.list(driver, "owner_id=" + fleetOwner.id() + "&limit=2");

        assertEquals(2, assertJson(200, response).size());
        assertNull(response.getHeaders().get("Link"));
    }

    @Test
    void pagesOfAllSlotsAddUpToTheWholeList() {
        for (int i = 0; i < 3; i++) {
            API.slotOf(owner);
        }

        List<Long> whole = SlotApi.ids(assertJson(200, API.list(driver, "limit=1000")));

        assertEquals(whole, flat(pages("limit=2")));
    }

    @Test
    void theLinkKeepsThePathAndFilters() {
        SlotApi.Caller fleetOwner = API.newCaller();
        API.slotOf(fleetOwner);
        API.slotOf(fleetOwner);

        String link = API.list(driver, "available=true&owner_id=" + fleetOwner.id() + "&limit=1").getHeaders().get("Link");

        assertTrue(link.startsWith("</slots?available=true&owner_id=" + fleetOwner.id() + "&limit=1&cursor="), link);
        assertTrue(link.endsWith(">; rel=\"next\""), link);
    }

    @Test
    void filtersByOwner() {
        SlotApi.Caller fleetOwner = API.newCaller();
        long mine = API.slotOf(fleetOwner);
        API.slotOf(owner);

        assertEquals(List.of(mine), SlotApi.ids(assertJson(200, API.list(driver, "owner_id=" + fleetOwner.id()))));
    }

    @Test
    void anOwnerWithoutSlotsGivesAnEmptyArray() {
        assertEquals("[]", API.list(driver, "owner_id=999999").getBody());
    }

    @Test
    void availableTrueListsSlotsNeitherOccupiedNorActivelyReserved() {
        Fleet fleet = fleetOf(API.newCaller());

        List<Long> available = flat(pages("available=true"));

        assertTrue(available.containsAll(List.of(fleet.free(), fleet.expired())), available.toString());
        assertFalse(available.contains(fleet.occupied()));
        assertFalse(available.contains(fleet.reserved()));
    }

    @Test
    void availableFalseListsSlotsOccupiedOrActivelyReserved() {
        Fleet fleet = fleetOf(API.newCaller());

        List<Long> unavailable = flat(pages("available=false"));

        assertTrue(unavailable.containsAll(List.of(fleet.occupied(), fleet.reserved())), unavailable.toString());
        assertFalse(unavailable.contains(fleet.free()));
        assertFalse(unavailable.contains(fleet.expired()));
    }

    @Test
    void combinesAvailabilityWithOwner() {
        SlotApi.Caller fleetOwner = API.newCaller();
        Fleet fleet = fleetOf(fleetOwner);
        fleetOf(API.newCaller());

        assertEquals(List.of(fleet.expired(), fleet.free()),
                SlotApi.ids(assertJson(200, API.list(driver, "available=true&owner_id=" + fleetOwner.id()))));
        assertEquals(List.of(fleet.occupied(), fleet.reserved()),
                SlotApi.ids(assertJson(200, API.list(driver, "owner_id=" + fleetOwner.id() + "&available=false"))));
    }

    @Test
    void acceptsAvailableAsTrueFalseOneOrZeroInAnyCase() {
        SlotApi.Caller fleetOwner = API.newCaller();
        Fleet fleet = fleetOf(fleetOwner);
        String mine = "&owner_id=" + fleetOwner.id();

        for (String yes : List.of("true", "TRUE", "True", "1")) {
            assertEquals(List.of(fleet.expired(), fleet.free()), SlotApi.ids(assertJson(200, API.list(driver, "available=" + yes + mine))));
        }
        for (String no : List.of("false", "FALSE", "0")) {
            assertEquals(List.of(fleet.occupied(), fleet.reserved()), SlotApi.ids(assertJson(200, API.list(driver, "available=" + no + mine))));
        }
    }

    @Test
    void paginationStaysExactWhenTheFilterDropsItems() {
        SlotApi.Caller fleetOwner = API.newCaller();
        List<Long> free = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            free.add(API.slotOf(fleetOwner));
            for (int j = 0; j < 3; j++) {
                API.slotOf(fleetOwner, "name", "O", "latitude", "0", "longitude", "0", "occupied", "true");
            }
        }
        String mine = "&owner_id=" + fleetOwner.id();

        assertEquals(List.of(free.subList(0, 2), free.subList(2, 3)), pages("available=true&limit=2" + mine));
        assertEquals(List.of(free), pages("available=true&limit=3" + mine));
        assertEquals(List.of(free.subList(0, 1), free.subList(1, 2), free.subList(2, 3)), pages("available=true&limit=1" + mine));
    }

    @Test
    void paginationOverTheAvailableIndexSkipsActivelyReservedSlots() {
        long reservedBefore = API.slotOf(owner);
        long free = API.slotOf(owner);
        long reservedAfter = API.slotOf(owner);
        API.reserve(driver, reservedBefore);
        API.reserve(driver, reservedAfter);

        List<List<Long>> pages = pages("available=true&limit=1");

        assertTrue(pages.stream().allMatch(page -> page.size() == 1), pages.toString());
        List<Long> all = flat(pages);
        assertTrue(all.contains(free));
        assertFalse(all.contains(reservedBefore));
        assertFalse(all.contains(reservedAfter));
    }

    @Test
    void answersInvalidParametersInContractOrderWhateverTheQueryOrder() {
        assertMessage(400, "invalid parameters [limit, cursor, available, owner_id]",
                API.list(driver, "owner_id=0&available=maybe&cursor=bogus&limit=1001"));
    }

    @Test
    void rejectsOwnerIdsThatAreNotPositiveIntegers() {
        for (String bad : List.of("0", "-1", "abc", "1.5", "", "01", "99999999999999999999")) {
            assertMessage(400, "invalid parameters [owner_id]", API.list(driver, "owner_id=" + bad));
        }
    }

    @Test
    void rejectsAvailableOtherThanTrueFalseOneOrZero() {
        for (String bad : List.of("yes", "", "2", "true,false")) {
            assertMessage(400, "invalid parameters [available]", API.list(driver, "available=" + bad));
        }
    }

    @Test
    void rejectsBadLimitsAndCursors() {
        assertMessage(400, "invalid parameters [limit]", API.list(driver, "limit=0"));
        assertMessage(400, "invalid parameters [cursor]", API.list(driver, "cursor=%21"));
    }
}
