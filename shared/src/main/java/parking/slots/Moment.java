package parking.slots;

import java.time.Duration;
import java.time.Instant;

/**
 * The time a slot is read or written at, with the deployment's sensor silence window: all that a
 * slot's {@link SlotStatus} depends on besides the slot itself. Status is computed at read time
 * from these two, so no background job ever marks a sensor silent.
 *
 * @param now the service's clock, in whole seconds
 * @param silence how long a keyed slot may go without an applied report before its status is unknown
 */
public record Moment(Instant now, Duration silence) {

    /** Whether a sensor last heard at {@code lastHeard} is silent now: nothing applied within the window. */
    boolean silentSince(Instant lastHeard) {
        return now.isAfter(lastHeard.plus(silence));
    }
}
