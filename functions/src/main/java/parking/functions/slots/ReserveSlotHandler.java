package parking.functions.slots;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Optional;
import parking.Services;
import parking.form.FieldCheck;
import parking.form.Form;
import parking.http.Request;
import parking.http.Responses;
import parking.http.Route;
import parking.http.RouteHandler;
import parking.json.JsonWriter;
import parking.slots.Slot;
import parking.slots.SlotRules;
import parking.slots.SlotService;

/**
 * {@code POST /slots/<slot_id>/reservation}: any user reserves a free slot, or extends its own
 * reservation. The form is optional: no body or an empty one reserves for the default length,
 * but a body that is not a form is {@code 400 missing form}, as on every other route.
 */
public final class ReserveSlotHandler extends RouteHandler {

    /** Primed with a reservation of a slot that does not exist, refused by its condition. */
    public ReserveSlotHandler() {
        super(Route.authenticated("POST /slots/{slot_id}/reservation").primedWithForm("minutes", "30"));
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(Request request, Services services) {
        int minutes = request.optionalForm().map(ReserveSlotHandler::minutes).orElse(SlotRules.DEFAULT_MINUTES);
        long id = request.pathId("slot_id").orElseThrow(SlotService::slotNotFound);
        return Responses.json(201, JsonWriter.object(services.slots().reserve(id, request.callerId(), minutes), Slot.JSON));
    }

    private static int minutes(Form form) {
        FieldCheck fields = new FieldCheck(form);
        Optional<Integer> minutes = fields.optional("minutes", SlotRules::minutes);
        fields.throwIfAny();
        return minutes.orElse(SlotRules.DEFAULT_MINUTES);
    }
}
