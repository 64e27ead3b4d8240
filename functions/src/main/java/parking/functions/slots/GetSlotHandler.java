package parking.functions.slots;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import parking.Services;
import parking.http.Request;
import parking.http.Responses;
import parking.http.Route;
import parking.http.RouteHandler;
import parking.json.JsonWriter;
import parking.slots.Slot;
import parking.slots.SlotService;

/** {@code GET /slots/<slot_id>}: one slot. */
public final class GetSlotHandler extends RouteHandler {

    /** Primed with a read of a slot that does not exist. */
    public GetSlotHandler() {
        super(Route.authenticated("GET /slots/{slot_id}"));
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(Request request, Services services) {
        Slot slot = services.slots().get(request.pathId("slot_id").orElseThrow(SlotService::slotNotFound));
        return Responses.json(200, JsonWriter.object(slot, Slot.JSON));
    }
}
