package parking.slots;

import java.math.BigDecimal;

/** The fields of a slot being created, already checked by {@link SlotRules}. */
public record NewSlot(String name, BigDecimal latitude, BigDecimal longitude, boolean occupied) {
}
