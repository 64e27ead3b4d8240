package parking.functions.localapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import parking.geo.GreatCircle;
import parking.local.api.LocalApi;

/**
 * The contract's "Nearby search" end to end: real HTTP into the local API, the deployment jar's
 * handlers in their own JVMs, dynalite behind them, every exchange checked against openapi.yaml.
 * Each test works around a random point of its own.
 */
@ExtendWith(SharedLocalApi.class)
class NearbyOverHttpIT {

    private static final double METERS_PER_DEGREE = GreatCircle.EARTH_RADIUS_METERS * Math.PI / 180;
    private static final Pattern ID = Pattern.compile("\"id\":([0-9]+)");
    private static final Pattern NEXT = Pattern.compile("<([^>]*)>; rel=\"next\"");
    private static Http http;

    private final double latitude = ThreadLocalRandom.current().nextDouble(-60, 60);
    private final double longitude = ThreadLocalRandom.current().nextDouble(-170, 170);
    private final String here = decimal(latitude) + "," + decimal(longitude);

    @BeforeAll
    static void connect(LocalApi api) {
        http = new Http(api.url());
    }

    private static String decimal(double degrees) {
        return BigDecimal.valueOf(degrees).setScale(10, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
    }

    private String north(double meters) {
        return decimal(latitude + meters / METERS_PER_DEGREE);
    }

    /** Creates a slot {@code meters} north of this test's point; returns its path. */
    private String slotNorth(Http owner, double meters, String... more) {
        List<String> form = new ArrayList<>(List.of("name", "N", "latitude", north(meters), "longitude", decimal(longitude)));
        form.addAll(List.of(more));
        HttpResponse<String> created = owner.postForm("/slots", form.toArray(String[]::new));
        assertEquals(201, created.statusCode(), created.body());
        return created.headers().firstValue("location").orElseThrow();
    }

    private static long idOf(String path) {
        return Long.parseLong(path.substring("/slots/".length()));
    }

    private static List<Long> ids(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
        List<Long> ids = new ArrayList<>();
        Matcher matcher = ID.matcher(response.body());
        while (matcher.find()) {
            ids.add(Long.parseLong(matcher.group(1)));
        }
        return ids;
    }

    private List<Long> nearby(Http caller, String filters) {
        return ids(caller.get("/slots?near=" + here + filters));
    }

    private static String ownerIdOf(Http owner, String slot) {
        return owner.get(slot).body().replaceAll(".*\"owner_id\":([0-9]+).*", "$1");
    }

    @Test
    void answersTheSlotsWithinTheRadiusNearestFirstWithTheirDistance() {
        Http owner = http.asNewUser();
        String far = slotNorth(owner, 450);
        String close = slotNorth(owner, 100);
        slotNorth(owner, 700);

        HttpResponse<String> response = owner.get("/slots?near=" + here);

        assertEquals(List.of(idOf(close), idOf(far)), ids(response));
        assertTrue(response.body().contains("\"distance_m\":100.0}"), response.body());
        assertEquals(List.of(idOf(close)), nearby(owner, "&radius=200"));
    }

    @Test
    void everyFilterCombinationNarrowsTheSameCircle() {
        Http owner = http.asNewUser();
        Http other = http.asNewUser();
        String free = slotNorth(owner, 100);
        String occupied = slotNorth(owner, 200, "occupied", "true");
        String othersFree = slotNorth(other, 300);
        String mine = "&owner_id=" + ownerIdOf(owner, free);

        assertEquals(List.of(idOf(free), idOf(occupied), idOf(othersFree)), nearby(owner, ""));
        assertEquals(List.of(idOf(free), idOf(othersFree)), nearby(owner, "&available=true"));
        assertEquals(List.of(idOf(occupied)), nearby(owner, "&available=false"));
        assertEquals(List.of(idOf(free), idOf(occupied)), nearby(owner, mine));
        assertEquals(List.of(idOf(free)), nearby(owner, "&available=true" + mine));
        assertEquals(List.of(idOf(occupied)), nearby(owner, "&available=false" + mine + "&radius=1000"));
    }

    @Test
    void reservedAndOccupiedSlotsLeaveAvailableAnswersAndComeBackWhenFreed() {
        Http owner = http.asNewUser();
        Http driver = http.asNewUser();
        String reserved = slotNorth(owner, 100);
        String occupied = slotNorth(owner, 200);

        assertEquals(201, driver.postForm(reserved + "/reservation", "minutes", "1").statusCode());
        assertEquals(200, owner.patchForm(occupied, "occupied", "true").statusCode());
        assertEquals(List.of(), nearby(driver, "&available=true"));

        assertEquals(200, driver.delete(reserved + "/reservation").statusCode());
        assertEquals(200, owner.patchForm(occupied, "occupied", "false").statusCode());
        assertEquals(List.of(idOf(reserved), idOf(occupied)), nearby(driver, "&available=true"));
    }

    @Test
    void aSlotMovedOutOfTheCircleLeavesItAndMovedInEntersIt() {
        Http owner = http.asNewUser();
        String slot = slotNorth(owner, 100);

        assertEquals(200, owner.patchForm(slot, "latitude", north(3000)).statusCode());
        assertEquals(List.of(), nearby(owner, ""));

        assertEquals(200, owner.patchForm(slot, "latitude", north(20), "longitude", decimal(longitude)).statusCode());
        assertEquals(List.of(idOf(slot)), nearby(owner, "&radius=50"));
    }

    @Test
    void aDeletedSlotDisappears() {
        Http owner = http.asNewUser();
        String slot = slotNorth(owner, 100);
        assertEquals(List.of(idOf(slot)), nearby(owner, ""));

        assertEquals(200, owner.delete(slot).statusCode());

        assertEquals(List.of(), nearby(owner, ""));
    }

    @Test
    void followingLinkWalksEveryMatchOnceInOrder() {
        Http owner = http.asNewUser();
        List<Long> expected = new ArrayList<>();
        for (int meters : new int[] {10, 20, 20, 30, 40}) {
            expected.add(idOf(slotNorth(owner, meters)));
        }
        List<Long> walked = new ArrayList<>();
        String next = "/slots?near=" + here + "&limit=2";
        int pages = 0;
        while (next != null) {
            HttpResponse<String> page = owner.get(next);
            walked.addAll(ids(page));
            pages++;
            next = page.headers().firstValue("link").map(link -> {
                Matcher matcher = NEXT.matcher(link);
                assertTrue(matcher.matches(), link);
                return matcher.group(1);
            }).orElse(null);
        }

        assertEquals(expected, walked);
        assertEquals(3, pages);
    }

    @Test
    void badParametersGetTheContractsAnswers() {
        Http caller = http.asNewUser();

        assertInvalid("[near]", caller.get("/slots?near=91,0"));
        assertInvalid("[near]", caller.get("/slots?near=45.1"));
        assertInvalid("[radius]", caller.get("/slots?near=" + here + "&radius=5001"));
        assertInvalid("[radius]", caller.get("/slots?radius=100"));
        assertInvalid("[near, radius]", caller.get("/slots?near=x&radius=0"));
        assertInvalid("[limit, near]", caller.get("/slots?near=1,2,3&limit=0"));
    }

    private static void assertInvalid(String names, HttpResponse<String> response) {
        assertEquals(400, response.statusCode(), response.body());
        assertEquals("invalid parameters " + names, response.body());
    }
}
