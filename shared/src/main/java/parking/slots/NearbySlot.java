package parking.slots;

import java.math.BigDecimal;
import java.math.RoundingMode;
import parking.json.JsonWriter;

/** A slot of a nearby answer and its distance from the point asked about. */
public record NearbySlot(Slot slot, double meters) {

    /** The slot's fields, then {@code distance_m}: meters rounded to one decimal. */
    public static final JsonWriter.Fields<NearbySlot> JSON = (json, nearby) -> {
        Slot.JSON.write(json, nearby.slot());
        json.writeFieldName("distance_m");
        json.writeNumber(BigDecimal.valueOf(nearby.meters()).setScale(1, RoundingMode.HALF_UP).toPlainString());
    };
}
