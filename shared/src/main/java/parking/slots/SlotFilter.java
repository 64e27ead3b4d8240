package parking.slots;

import java.time.Instant;
import java.util.Optional;
import parking.geo.Circle;

/**
 * The filters of {@code GET /slots}; all may combine.
 *
 * @param available true: neither occupied nor actively reserved; false: occupied or actively reserved
 * @param ownerId only the slots this user owns
 * @param near only the slots within this circle, nearest first
 */
public record SlotFilter(Optional<Boolean> available, Optional<Long> ownerId, Optional<Circle> near) {

    /** Whether the slot passes the availability and owner filters at {@code now} (the circle is the caller's). */
    boolean admits(SlotItem slot, Instant now) {
        return available.map(wanted -> slot.availableAt(now) == wanted).orElse(true)
                && ownerId.map(owner -> owner.equals(slot.getOwnerId())).orElse(true);
    }
}
