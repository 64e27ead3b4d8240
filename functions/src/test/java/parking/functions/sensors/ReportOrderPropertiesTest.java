package parking.functions.sensors;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import parking.functions.slots.SlotApi;
import parking.functions.testing.LocalDynamo;

/**
 * Whatever order reports arrive in (sensors retry, gateways buffer, networks reorder), the one
 * with the newest device time is the one that stands, and no answer ever goes back in time:
 * through the real handler on dynalite. jqwik runs no JUnit extension, so the engine is started
 * here the way {@link LocalDynamo} starts it for JUnit classes.
 */
class ReportOrderPropertiesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDynamo ENGINE = new LocalDynamo();
    private static SlotApi api;
    private static SlotApi.Caller owner;

    /** One reading: its device time, as milliseconds before the API's clock, and the occupancy it saw. */
    record Reading(long millisAgo, boolean occupied) {
    }

    @BeforeContainer
    static void startEngine() {
        ENGINE.beforeAll(null);
        api = new SlotApi();
        owner = api.newCaller();
    }

    @AfterContainer
    static void stopEngine() {
        ENGINE.afterAll(null);
    }

    /** Readings of one sensor, some a millisecond apart, some hours; each may arrive more than once (a retry). */
    @Provide
    Arbitrary<List<Reading>> readings() {
        Arbitrary<Long> millisAgo = Arbitraries.oneOf(
                Arbitraries.longs().between(0, 20),
                Arbitraries.longs().between(0, 3_600_000));
        return Combinators.combine(millisAgo, Arbitraries.of(true, false)).as(Reading::new)
                .list().ofMinSize(1).ofMaxSize(12).uniqueElements(Reading::millisAgo);
    }

    @Property(tries = 60)
    void theNewestReadingStandsWhateverTheOrderOfArrival(@ForAll("readings") List<Reading> readings, @ForAll long seed) throws Exception {
        long id = api.slotOf(owner);
        String key = api.sensorKeyOf(owner, id);
        Instant now = api.clock().instant();
        Random random = new Random(seed);
        List<Reading> arrivals = new ArrayList<>(readings);
        readings.stream().filter(reading -> random.nextInt(3) == 0).forEach(arrivals::add);
        Collections.shuffle(arrivals, random);

        Instant standing = Instant.EPOCH;
        for (Reading reading : arrivals) {
            Instant observed = now.minusMillis(reading.millisAgo());
            JsonNode slot = JSON.readTree(api.report(key, id, "occupied", Boolean.toString(reading.occupied()),
                    "observed_at", observed.toString()).getBody());
            standing = observed.isAfter(standing) ? observed : standing;
            assertEquals(standing.toString(), slot.get("sensor").get("observed_at").asText(), "an answer never goes back in time");
        }

        Reading newest = readings.stream().min(Comparator.comparingLong(Reading::millisAgo)).orElseThrow();
        JsonNode stored = JSON.readTree(api.get(owner, id).getBody());
        assertEquals(newest.occupied(), stored.get("occupied").asBoolean());
        assertEquals(now.minusMillis(newest.millisAgo()).toString(), stored.get("sensor").get("observed_at").asText());
    }
}
