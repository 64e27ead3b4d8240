package parking.functions.slots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static parking.functions.testing.ResponseAssertions.assertJson;
import static parking.functions.testing.ResponseAssertions.assertMessage;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import parking.functions.testing.LocalDynamo;
import parking.geo.GreatCircle;
import parking.paging.PageRequest;

/**
 * {@code GET /slots?near=} through the handler against dynalite: the contract's "Nearby search".
 * Each test works around a random point of its own, far from every other test's slots.
 */
@ExtendWith(LocalDynamo.class)
class NearbySlotsHandlerTest {

    private static final SlotApi API = new SlotApi();
    private static final Pattern NEXT = Pattern.compile("</slots\\?([^>]*)>; rel=\"next\"");
    /** Meters per degree of latitude on the contract's sphere. */
    private static final double METERS_PER_DEGREE = GreatCircle.EARTH_RADIUS_METERS * Math.PI / 180;

    private final SlotApi.Caller owner = API.newCaller();
    private final SlotApi.Caller driver = API.newCaller();
    private final double latitude = ThreadLocalRandom.current().nextDouble(-60, 60);
    private final double longitude = ThreadLocalRandom.current().nextDouble(-170, 170);
    private final String here = decimal(latitude) + "," + decimal(longitude);

    private static String decimal(double degrees) {
        return BigDecimal.valueOf(degrees).setScale(10, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
    }

    /** A slot {@code meters} north of this test's point. */
    private long slotNorth(SlotApi.Caller slotOwner, double meters, String... more) {
        List<String> form = new ArrayList<>(List.of("name", "N" + Math.round(meters),
                "latitude", decimal(latitude + meters / METERS_PER_DEGREE), "longitude", decimal(longitude)));
        form.addAll(List.of(more));
        return API.slotOf(slotOwner, form.toArray(String[]::new));
    }

    private List<Long> nearby(String query) {
        return SlotApi.ids(assertJson(200, API.list(driver, "near=" + here + query)));
    }

    @Test
    void answersTheSlotsWithinTheDefaultRadiusNearestFirst() {
        long at300 = slotNorth(owner, 300);
        long at100 = slotNorth(owner, 100);
        long at499 = slotNorth(owner, 499);
        slotNorth(owner, 501);
        slotNorth(owner, 900);

        assertEquals(List.of(at100, at300, at499), nearby(""));
    }

    @Test
    void eachSlotCarriesItsDistanceInMetersToOneDecimal() {
        long id = slotNorth(owner, 123.456);

        JsonNode slot = assertJson(200, API.list(driver, "near=" + here)).get(0);

        JsonNode stored = assertJson(200, API.get(driver, id));
        double meters = GreatCircle.meters(latitude, longitude, stored.get("latitude").asDouble(), stored.get("longitude").asDouble());
        assertEquals(BigDecimal.valueOf(meters).setScale(1, RoundingMode.HALF_UP).toPlainString(), slot.get("distance_m").asText());
        ((ObjectNode) slot).remove("distance_m");
        assertEquals(stored, slot);
    }

    @Test
    void radiusWidensOrNarrowsTheCircle() {
        long at90 = slotNorth(owner, 90);
        long at900 = slotNorth(owner, 900);
        long at4000 = slotNorth(owner, 4000);

        assertEquals(List.of(at90), nearby("&radius=100"));
        assertEquals(List.of(at90, at900, at4000), nearby("&radius=5000"));
        assertEquals(List.of(), nearby("&radius=89"));
    }

    @Test
    void slotsAtTheSameDistanceComeInIdOrder() {
        long first = slotNorth(owner, 200);
        long second = slotNorth(owner, 200);
        long third = slotNorth(owner, 200);

        assertEquals(List.of(first, second, third), nearby(""));
    }

    @Test
    void pagesByDistanceWithLinkAndCursorYieldEveryMatchOnceInOrder() {
        List<Long> expected = new ArrayList<>();
        for (int meters : new int[] {50, 100, 100, 150, 200}) {
            expected.add(slotNorth(owner, meters));
        }
        List<List<Long>> pages = new ArrayList<>();
        String query = "near=" + here + "&limit=2";
        while (query != null) {
            APIGatewayV2HTTPResponse response = API.list(driver, query);
            pages.add(SlotApi.ids(assertJson(200, response)));
            String link = response.getHeaders().get("Link");
            Matcher next = link == null ? null : NEXT.matcher(link);
            assertTrue(next == null || next.matches(), link);
            query = next == null ? null : next.group(1);
        }

        assertEquals(List.of(expected.subList(0, 2), expected.subList(2, 4), expected.subList(4, 5)), pages);
    }

    @Test
    void availableTrueLeavesOutOccupiedAndActivelyReservedSlots() {
        long free = slotNorth(owner, 100);
        slotNorth(owner, 200, "occupied", "true");
        long reserved = slotNorth(owner, 300);
        API.reserve(driver, reserved);

        assertEquals(List.of(free), nearby("&available=true"));
        assertEquals(3, nearby("").size());
    }

    @Test
    void availableFalseKeepsOnlyOccupiedOrActivelyReservedSlots() {
        slotNorth(owner, 100);
        long occupied = slotNorth(owner, 200, "occupied", "true");
        long reserved = slotNorth(owner, 300);
        API.reserve(driver, reserved);

        assertEquals(List.of(occupied, reserved), nearby("&available=false"));
    }

    @Test
    void aReservationThatRanOutCountsAsNoneAgain() {
        long slot = slotNorth(owner, 100);
        API.reserve(driver, slot, "minutes", "1");
        assertEquals(List.of(), nearby("&available=true"));

        API.clock().advance(Duration.ofMinutes(1));

        assertEquals(List.of(slot), nearby("&available=true"));
    }

    @Test
    void aSensorReportingACarTakesTheSlotOutOfAvailableAnswers() {
        long slot = slotNorth(owner, 100);
        assertEquals(List.of(slot), nearby("&available=true"));

        API.patch(owner, slot, "occupied", "true");
        assertEquals(List.of(), nearby("&available=true"));

        API.patch(owner, slot, "occupied", "false");
        assertEquals(List.of(slot), nearby("&available=true"));
    }

    @Test
    void combinesWithOwner() {
        SlotApi.Caller other = API.newCaller();
        long mine = slotNorth(owner, 100);
        slotNorth(other, 50);

        assertEquals(List.of(mine), nearby("&owner_id=" + owner.id()));
        assertEquals(List.of(mine), nearby("&available=true&owner_id=" + owner.id() + "&radius=200"));
    }

    @Test
    void aSlotMovedOutOfTheCircleLeavesItAndMovedBackReturns() {
        long slot = slotNorth(owner, 100);

        assertEquals(200, API.patch(owner, slot, "latitude", decimal(latitude + 2000 / METERS_PER_DEGREE)).getStatusCode());
        assertEquals(List.of(), nearby(""));

        assertEquals(200, API.patch(owner, slot, "latitude", decimal(latitude + 50 / METERS_PER_DEGREE),
                "longitude", decimal(longitude)).getStatusCode());
        assertEquals(List.of(slot), nearby(""));
    }

    @Test
    void aSlotMovedAlongOneCoordinateIsFoundWhereItNowIs() {
        long slot = slotNorth(owner, 3000);
        assertEquals(List.of(), nearby(""));

        API.patch(owner, slot, "latitude", decimal(latitude));

        assertEquals(List.of(slot), nearby("&radius=1"));
    }

    @Test
    void aDeletedSlotDisappears() {
        long slot = slotNorth(owner, 100);

        API.delete(owner, slot);

        assertEquals(List.of(), nearby(""));
    }

    @Test
    void findsSlotsAcrossTheAntimeridian() {
        long east = API.slotOf(owner, "name", "E", "latitude", decimal(latitude), "longitude", "-179.9995");
        String west = decimal(latitude) + ",179.9995";

        List<Long> found = SlotApi.ids(assertJson(200, API.list(driver, "near=" + west + "&radius=200")));

        assertTrue(found.contains(east), found.toString());
    }

    @Test
    void findsSlotsOnTheFarSideOfAPole() {
        long far = API.slotOf(owner, "name", "P", "latitude", "89.999", "longitude", decimal(longitude + (longitude < 0 ? 180 : -180)));

        List<Long> found = SlotApi.ids(assertJson(200, API.list(driver, "near=89.999," + decimal(longitude) + "&radius=300")));

        assertTrue(found.contains(far), found.toString());
    }

    @Test
    void rejectsNearThatIsNotTwoDecimalsInRange() {
        for (String bad : List.of("", "45", "45.1", "45,", ",7", "91,0", "0,181", "45,7,8", "45;7", "4e1,7", "+45,7", "45 ,7")) {
            assertMessage(400, "invalid parameters [near]", API.list(driver, "near=" + bad.replace(" ", "%20")));
        }
    }

    @Test
    void rejectsRadiusOutsideWholeMetersOneTo5000() {
        for (String bad : List.of("0", "5001", "01", "1.5", "-1", "", "abc")) {
            assertMessage(400, "invalid parameters [radius]", API.list(driver, "near=" + here + "&radius=" + bad));
        }
    }

    @Test
    void rejectsRadiusWithoutNear() {
        assertMessage(400, "invalid parameters [radius]", API.list(driver, "radius=100"));
    }

    @Test
    void listsBothBadNearAndBadRadius() {
        assertMessage(400, "invalid parameters [near, radius]", API.list(driver, "radius=0&near=x"));
    }

    @Test
    void answersEveryInvalidParameterInContractOrder() {
        assertMessage(400, "invalid parameters [limit, cursor, available, owner_id, near, radius]",
                API.list(driver, "radius=9999&near=x&owner_id=0&available=maybe&cursor=bogus&limit=0"));
    }

    @Test
    void aCursorOfOneKindOfListIsInvalidInTheOther() {
        assertMessage(400, "invalid parameters [cursor]", API.list(driver, "near=" + here + "&cursor=" + PageRequest.cursorAfter(5)));
        assertMessage(400, "invalid parameters [cursor]", API.list(driver, "cursor=" + PageRequest.cursorAfter(12.5, 5)));
    }

    @Test
    void anEmptyNeighbourhoodIsAnEmptyArrayWithoutLink() {
        APIGatewayV2HTTPResponse response = API.list(driver, "near=" + here);

        assertEquals("[]", response.getBody());
        assertNull(response.getHeaders().get("Link"));
    }
}
