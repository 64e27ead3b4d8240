package parking.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import parking.bench.SensorPlan.Outcome;
import parking.bench.SensorPlan.Reading;

class SensorPlanTest {

    private static final Instant START = Instant.parse("2026-12-05T10:00:00Z");

    private static SensorPlan plan(double late, double duplicates) {
        return SensorPlan.make(new Random(42), START, 30, late, duplicates);
    }

    private static SensorPlan sending(Integer... sends) {
        List<Reading> readings = IntStream.range(0, 3).mapToObj(i -> new Reading(START.plusSeconds(i), i % 2 == 0)).toList();
        return new SensorPlan(readings, List.of(sends));
    }

    @Test
    void readingsAreStrictlyLaterOneAfterAnother() {
        List<Reading> readings = plan(0.2, 0.1).readings();

        for (int i = 1; i < readings.size(); i++) {
            assertTrue(readings.get(i).observedAt().isAfter(readings.get(i - 1).observedAt()), readings.toString());
        }
    }

    @Test
    void withNothingHeldOrRepeatedEveryReadingIsSentOnceInOrderAndApplied() {
        SensorPlan plan = plan(0, 0);

        assertEquals(IntStream.range(0, 30).boxed().toList(), plan.sends());
        assertEquals(Collections.nCopies(30, Outcome.APPLIED), plan.expected());
    }

    @Test
    void aHeldBackReadingGoesOnlyAfterANewerOne() {
        List<Integer> sends = plan(1, 0).sends();

        for (int i = 0; i < 29; i++) {
            int reading = i;
            int at = sends.indexOf(reading);
            assertTrue(sends.subList(0, at).stream().anyMatch(earlier -> earlier > reading), "reading " + reading + " in " + sends);
        }
        assertEquals(30, sends.size());
    }

    @Test
    void everyReadingSentTwiceWhenAllAreDuplicated() {
        List<Integer> sends = plan(0, 1).sends();

        for (int reading = 0; reading < 30; reading++) {
            assertEquals(2, Collections.frequency(sends, reading), sends.toString());
        }
    }

    @Test
    void aReadingSentAgainWhileItStandsIsADuplicate() {
        assertEquals(List.of(Outcome.APPLIED, Outcome.APPLIED, Outcome.DUPLICATE, Outcome.APPLIED), sending(0, 1, 1, 2).expected());
    }

    @Test
    void aReadingSentAfterANewerOneIsLate() {
        assertEquals(List.of(Outcome.APPLIED, Outcome.LATE, Outcome.APPLIED, Outcome.LATE), sending(1, 0, 2, 1).expected());
    }
}
