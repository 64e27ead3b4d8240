package parking.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CounterTest {

    private static final Instant END = Instant.parse("2026-12-05T18:15:00Z");

    @Test
    void aWindowIsOpenUntilItsEndAndClosedFromItsEnd() {
        Counter counter = new Counter(3, END);

        assertTrue(counter.isOpenAt(END.minusMillis(1)));
        assertFalse(counter.isOpenAt(END));
    }

    @Test
    void itRefusesFromItsThresholdOnWhileItsWindowIsOpen() {
        Counter counter = new Counter(10, END);

        assertTrue(counter.refusesAt(END.minusSeconds(1), 10));
        assertFalse(counter.refusesAt(END.minusSeconds(1), 11));
        assertFalse(counter.refusesAt(END, 10));
    }

    @Test
    void secondsUntilTheEndAreWholeAndRoundedUp() {
        Counter counter = new Counter(10, END);

        assertEquals(900, counter.secondsUntilEnd(END.minus(Duration.ofMinutes(15))));
        assertEquals(900, counter.secondsUntilEnd(END.minus(Duration.ofMinutes(15)).plusMillis(999)));
        assertEquals(1, counter.secondsUntilEnd(END.minusMillis(1)));
        assertEquals(1, counter.secondsUntilEnd(END.minusNanos(1)));
    }
}
