package parking.sensors;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/** The contract's requirement on a report's {@code observed_at}, as a parser of one raw value. */
public final class SensorRules {

    /** How far ahead of the API's clock a device's time may be: clocks drift, but not by minutes. */
    static final Duration MAX_AHEAD = Duration.ofSeconds(60);

    /** ISO-8601 UTC, whole seconds or up to three decimals: {@code 2026-12-05T10:00:00.250Z}. */
    private static final Pattern UTC_INSTANT = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{1,3})?Z");

    private SensorRules() {
    }

    /**
     * The device time of a reading, if it has the contract's form, names a real instant and is
     * at most {@link #MAX_AHEAD} after {@code now}.
     */
    public static Optional<Instant> observedAt(String raw, Instant now) {
        if (!UTC_INSTANT.matcher(raw).matches()) {
            return Optional.empty();
        }
        Instant observed;
        try {
            // Rejects what the pattern lets through but no calendar has: month 13, 24:00, February 30.
            observed = Instant.parse(raw);
        } catch (DateTimeParseException notARealInstant) {
            return Optional.empty();
        }
        return observed.isAfter(now.plus(MAX_AHEAD)) ? Optional.empty() : Optional.of(observed);
    }
}
