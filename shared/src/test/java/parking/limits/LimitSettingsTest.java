package parking.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LimitSettingsTest {

    @Test
    void withoutVariablesTheContractsDefaultsApply() {
        LimitSettings settings = LimitSettings.from(Map.of());

        assertEquals(new LimitSettings.Limit(10, Duration.ofMinutes(15)), settings.loginFailures());
        assertEquals(new LimitSettings.Limit(100, Duration.ofHours(1)), settings.addressAttempts());
    }

    @Test
    void eachVariableSetsItsPart() {
        LimitSettings settings = LimitSettings.from(Map.of(
                "LOGIN_FAILURE_LIMIT", "5", "LOGIN_FAILURE_WINDOW_MINUTES", "30",
                "ADDRESS_ATTEMPT_LIMIT", "1000", "ADDRESS_WINDOW_MINUTES", "1440"));

        assertEquals(new LimitSettings.Limit(5, Duration.ofMinutes(30)), settings.loginFailures());
        assertEquals(new LimitSettings.Limit(1000, Duration.ofDays(1)), settings.addressAttempts());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "ten", "1.5", "99999999999999999999"})
    void aValueThatIsNotAPositiveWholeNumberStopsTheFunctionAtStart(String value) {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> LimitSettings.from(Map.of("ADDRESS_ATTEMPT_LIMIT", value)));

        assertEquals("environment variable ADDRESS_ATTEMPT_LIMIT must be a positive whole number", refused.getMessage());
    }
}
