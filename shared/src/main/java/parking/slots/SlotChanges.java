package parking.slots;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/** The fields a {@code PATCH} sends, already checked by {@link SlotRules}; absent ones stay as stored. */
public record SlotChanges(
        Optional<String> name,
        Optional<BigDecimal> latitude,
        Optional<BigDecimal> longitude,
        Optional<Boolean> occupied) {

    /** The fields a {@code PATCH} may change, in the contract's order. */
    public static final List<String> FIELDS = List.of("name", "latitude", "longitude", "occupied");
}
