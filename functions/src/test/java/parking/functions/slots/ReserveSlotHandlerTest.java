package parking.functions.slots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static parking.functions.testing.ResponseAssertions.assertJson;
import static parking.functions.testing.ResponseAssertions.assertMessage;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import parking.functions.testing.LocalDynamo;

@ExtendWith(LocalDynamo.class)
class ReserveSlotHandlerTest {

    private static final SlotApi API = new SlotApi();

    private final SlotApi.Caller owner = API.newCaller();
    private final SlotApi.Caller driver = API.newCaller();
    private final SlotApi.Caller other = API.newCaller();

    private static String minutesFromNow(int minutes) {
        return API.clock().instant().plus(Duration.ofMinutes(minutes)).toString();
    }

    @Test
    void reservesAFreeSlotFor15MinutesByDefaultAndAnswers201WithTheSlot() {
        long id = API.slotOf(owner);

        JsonNode slot = assertJson(201, API.reserve(driver, id));

        assertEquals(id, slot.get("id").asLong());
        assertEquals(driver.id(), slot.get("reserved_by").asLong());
        assertEquals(minutesFromNow(15), slot.get("reserved_until").asText());
        assertEquals(API.clock().instant().toString(), slot.get("updated_at").asText());
    }

    @Test
    void reservesForTheMinutesGiven() {
        for (int minutes : List.of(1, 120)) {
            long id = API.slotOf(owner);

            JsonNode slot = assertJson(201, API.reserve(driver, id, "minutes", Integer.toString(minutes)));

            assertEquals(minutesFromNow(minutes), slot.get("reserved_until").asText());
        }
    }

    @Test
    void anEmptyBodyOrAFormWithoutMinutesReservesForTheDefault() {
        long first = API.slotOf(owner);
        long second = API.slotOf(owner);

        JsonNode emptyBody = assertJson(201, API.handlers().reserve().handleRequest(SlotApi.reservation("POST", first)
                .bearer(driver.token()).body("application/x-www-form-urlencoded", new byte[0]).build(), null));

        assertEquals(minutesFromNow(15), emptyBody.get("reserved_until").asText());
        assertEquals(minutesFromNow(15), assertJson(201, API.reserve(driver, second, "note", "x")).get("reserved_until").asText());
    }

    @Test
    void acceptsMinutesInAMultipartForm() {
        long id = API.slotOf(owner);

        JsonNode slot = assertJson(201, API.handlers().reserve().handleRequest(SlotApi.reservation("POST", id)
                .bearer(driver.token()).multipart("minutes", "45").build(), null));

        assertEquals(minutesFromNow(45), slot.get("reserved_until").asText());
    }

    @Test
    void answersMissingFormForABodyThatIsNotAForm() {
        long id = API.slotOf(owner);

        assertMessage(400, "missing form", API.handlers().reserve().handleRequest(SlotApi.reservation("POST", id)
                .bearer(driver.token()).plainBody("application/json", "{\"minutes\":30}").build(), null));
        assertMessage(400, "missing form", API.handlers().reserve().handleRequest(SlotApi.reservation("POST", id)
                .bearer(driver.token()).body("text/plain", "minutes=30".getBytes(StandardCharsets.UTF_8)).build(), null));
    }

    @Test
    void rejectsMinutesThatAreNotAnIntegerFrom1To120() {
        long id = API.slotOf(owner);
        for (String bad : List.of("0", "121", "-5", "1.5", "015", "abc", "", "1e2", " 30")) {
            assertMessage(400, "invalid fields [minutes]", API.reserve(driver, id, "minutes", bad));
        }
        assertTrue(assertJson(200, API.get(driver, id)).get("reserved_by").isNull(), "nothing was reserved");
    }

    @Test
    void badMinutesAre400EvenForAnUnknownOrUnavailableSlot() {
        long id = API.slotOf(owner);
        API.reserve(other, id);

        assertMessage(400, "invalid fields [minutes]", API.reserve(driver, 999_999, "minutes", "0"));
        assertMessage(400, "invalid fields [minutes]", API.reserve(driver, id, "minutes", "0"));
    }

    @Test
    void secondReservationOfAFreeSlotGets409() {
        long id = API.slotOf(owner);
        assertJson(201, API.reserve(driver, id));

        assertMessage(409, "slot unavailable", API.reserve(other, id));
        assertEquals(driver.id(), assertJson(200, API.get(other, id)).get("reserved_by").asLong());
    }

    @Test
    void reservingAnOccupiedSlotGets409() {
        long id = API.slotOf(owner, "name", "O", "latitude", "1", "longitude", "1", "occupied", "true");

        assertMessage(409, "slot unavailable", API.reserve(driver, id));
        assertMessage(409, "slot unavailable", API.reserve(owner, id));
    }

    @Test
    void theHolderExtendsItsReservation() {
        long id = API.slotOf(owner);
        API.reserve(driver, id, "minutes", "10");
        API.clock().advance(Duration.ofMinutes(5));

        JsonNode slot = assertJson(201, API.reserve(driver, id, "minutes", "60"));

        assertEquals(driver.id(), slot.get("reserved_by").asLong());
        assertEquals(minutesFromNow(60), slot.get("reserved_until").asText());
    }

    @Test
    void theOwnerMayReserveItsOwnFreeSlot() {
        long id = API.slotOf(owner);

        assertEquals(owner.id(), assertJson(201, API.reserve(owner, id)).get("reserved_by").asLong());
    }

    @Test
    void aReservationPastItsEndNoLongerBlocksOthersNorShowsInReservedBy() {
        long id = API.slotOf(owner);
        JsonNode reserved = assertJson(201, API.reserve(driver, id, "minutes", "1"));
        Instant end = Instant.parse(reserved.get("reserved_until").asText());

        API.clock().advance(Duration.ofSeconds(59));
        assertMessage(409, "slot unavailable", API.reserve(other, id));
        assertEquals(driver.id(), assertJson(200, API.get(other, id)).get("reserved_by").asLong());

        API.clock().advance(Duration.ofSeconds(1));
        assertEquals(end, API.clock().instant());
        JsonNode expired = assertJson(200, API.get(other, id));
        assertTrue(expired.get("reserved_by").isNull());
        assertTrue(expired.get("reserved_until").isNull());
        assertEquals(other.id(), assertJson(201, API.reserve(other, id)).get("reserved_by").asLong());
    }

    @Test
    void answers404SlotNotFoundForAnUnknownSlot() {
        assertMessage(404, "slot not found", API.reserve(driver, 999_999));
    }

    @Test
    void answers404ForAPathIdThatIsNotAPositiveInteger() {
        assertMessage(404, "slot not found", API.handlers().reserve().handleRequest(
                SlotApi.reservation("POST", "0x1").bearer(driver.token()).build(), null));
    }

    @Test
    void answers413ForABodyOver16KiB() {
        long id = API.slotOf(owner);

        assertMessage(413, "payload too large", API.reserve(driver, id, "minutes", "5", "pad", "x".repeat(16 * 1024)));
    }

    @Test
    void oneOfSixteenSimultaneousReservationsOfAFreeSlotWins() throws Exception {
        long id = API.slotOf(owner);
        int threads = 16;
        List<SlotApi.Caller> drivers = IntStream.range(0, threads).mapToObj(i -> API.newCaller()).toList();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Callable<Integer>> attempts = drivers.stream()
                    .<Callable<Integer>>map(caller -> () -> {
                        start.await();
                        return API.reserve(caller, id).getStatusCode();
                    })
                    .toList();
            List<Future<Integer>> results = attempts.stream().map(pool::submit).toList();
            start.countDown();
            int reserved = 0;
            int refused = 0;
            for (Future<Integer> result : results) {
                int status = result.get();
                reserved += status == 201 ? 1 : 0;
                refused += status == 409 ? 1 : 0;
            }
            assertEquals(1, reserved);
            assertEquals(threads - 1, refused);
            long holder = assertJson(200, API.get(owner, id)).get("reserved_by").asLong();
            assertTrue(drivers.stream().anyMatch(caller -> caller.id() == holder));
        } finally {
            pool.shutdownNow();
        }
    }
}
