package parking.functions.sensors;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Instant;
import java.util.Optional;
import parking.Services;
import parking.form.FieldCheck;
import parking.http.Request;
import parking.http.Responses;
import parking.http.Route;
import parking.http.RouteHandler;
import parking.json.JsonWriter;
import parking.slots.Slot;
import parking.slots.SlotRules;
import parking.slots.SlotService;

/**
 * {@code PUT /slots/<slot_id>/occupancy}: the slot's sensor reports occupancy with its sensor key.
 * The key's shape is checked before anything else; whether it is this slot's key, and whether the
 * report is newer than the standing one, the report's single write decides, after the form checks.
 */
public final class ReportOccupancyHandler extends RouteHandler {

    /** Primed with a report on a slot that does not exist, refused by its condition. */
    public ReportOccupancyHandler() {
        super(Route.sensorKey("PUT /slots/{slot_id}/occupancy").primedWithForm("occupied", "false"));
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(Request request, Services services) {
        FieldCheck fields = new FieldCheck(request.form());
        Boolean occupied = fields.required("occupied", SlotRules::flag);
        Optional<Instant> observedAt = fields.optional("observed_at", services.sensors()::observedAt);
        fields.throwIfAny();
        long id = request.pathId("slot_id").orElseThrow(SlotService::slotNotFound);
        Slot slot = services.sensors().report(id, request.sensorKey(), occupied, observedAt);
        return Responses.json(200, JsonWriter.object(slot, Slot.JSON));
    }
}
