package parking.slots;

import java.util.Optional;
import parking.geo.Circle;

/**
 * The filters of {@code GET /slots}; all may combine.
 *
 * @param available true: status free; false: any other status
 * @param status only the slots with this status
 * @param ownerId only the slots this user owns
 * @param near only the slots within this circle, nearest first
 */
public record SlotFilter(Optional<Boolean> available, Optional<SlotStatus> status, Optional<Long> ownerId, Optional<Circle> near) {

    /** Whether the slot passes the status, availability and owner filters at {@code at} (the circle is the caller's). */
    boolean admits(SlotItem slot, Moment at) {
        return admitsStatus(slot.statusAt(at)) && admitsOwner(slot);
    }

    /**
     * Whether the slot of a nearby index entry may pass, before its item is read. SlotsByCell
     * projects no sensor attribute (a keep-alive would otherwise write the index), so the entry's
     * status is that of its occupancy and reservation, or unknown if the slot turns out to be
     * keyed and silent: it is a candidate when either would pass, and the item decides.
     */
    boolean mayAdmit(SlotItem entry, Moment at) {
        return (admitsStatus(entry.statusAt(at)) || admitsStatus(SlotStatus.UNKNOWN)) && admitsOwner(entry);
    }

    private boolean admitsStatus(SlotStatus actual) {
        return available.map(wanted -> (actual == SlotStatus.FREE) == wanted).orElse(true)
                && status.map(wanted -> wanted == actual).orElse(true);
    }

    private boolean admitsOwner(SlotItem slot) {
        return ownerId.map(owner -> owner.equals(slot.getOwnerId())).orElse(true);
    }
}
