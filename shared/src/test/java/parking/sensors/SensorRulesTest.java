package parking.sensors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SensorRulesTest {

    private static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");

    @Test
    void acceptsWholeSecondsAndUpToThreeDecimals() {
        assertEquals(Optional.of(Instant.parse("2026-12-05T09:59:00Z")), SensorRules.observedAt("2026-12-05T09:59:00Z", NOW));
        assertEquals(Optional.of(Instant.parse("2026-12-05T09:59:00.200Z")), SensorRules.observedAt("2026-12-05T09:59:00.2Z", NOW));
        assertEquals(Optional.of(Instant.parse("2026-12-05T09:59:00.250Z")), SensorRules.observedAt("2026-12-05T09:59:00.250Z", NOW));
    }

    @Test
    void acceptsUpToSixtySecondsAheadOfTheClock() {
        assertEquals(Optional.of(NOW.plusSeconds(60)), SensorRules.observedAt("2026-12-05T10:01:00Z", NOW));
    }

    @Test
    void refusesMoreThanSixtySecondsAhead() {
        assertTrue(SensorRules.observedAt("2026-12-05T10:01:00.001Z", NOW).isEmpty());
        assertTrue(SensorRules.observedAt("2027-01-01T00:00:00Z", NOW).isEmpty());
    }

    @Test
    void refusesWhatIsNotAnIsoUtcInstantWithAtMostThreeDecimals() {
        for (String raw : new String[] {"", "2026-12-05", "2026-12-05T09:59:00", "2026-12-05T09:59:00.2500Z",
                "2026-12-05T09:59:00+00:00", "2026-12-05 09:59:00Z", "2026-12-05t09:59:00z", "1733392740",
                "2026-13-05T09:59:00Z", "2026-02-30T09:59:00Z", "2026-12-05T24:00:00Z", "+2026-12-05T09:59:00Z",
                "2026-12-05T09:59:00.Z", " 2026-12-05T09:59:00Z"}) {
            assertTrue(SensorRules.observedAt(raw, NOW).isEmpty(), raw);
        }
    }
}
