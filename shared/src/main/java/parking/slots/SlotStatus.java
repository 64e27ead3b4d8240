package parking.slots;

import java.util.Locale;

/**
 * What a driver needs to know about a slot, computed when it is read (API.md, Slots): unknown
 * when the slot has a sensor key and its sensor is silent, else occupied, else reserved while a
 * reservation is active, else free. The values of the FIWARE ParkingSpot model, without
 * {@code closed}.
 */
public enum SlotStatus {
    FREE,
    OCCUPIED,
    RESERVED,
    UNKNOWN;

    /** As the API writes it: {@code free}, {@code occupied}, {@code reserved}, {@code unknown}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static SlotStatus of(boolean silent, boolean occupied, boolean reserved) {
        if (silent) {
            return UNKNOWN;
        }
        if (occupied) {
            return OCCUPIED;
        }
        return reserved ? RESERVED : FREE;
    }
}
