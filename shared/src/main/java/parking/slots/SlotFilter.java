package parking.slots;

import java.util.Optional;

/**
 * The filters of {@code GET /slots}; both may combine.
 *
 * @param available true: neither occupied nor actively reserved; false: occupied or actively reserved
 * @param ownerId only the slots this user owns
 */
public record SlotFilter(Optional<Boolean> available, Optional<Long> ownerId) {
}
