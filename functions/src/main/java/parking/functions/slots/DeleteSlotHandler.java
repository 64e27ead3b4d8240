package parking.functions.slots;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import parking.Services;
import parking.http.Request;
import parking.http.Responses;
import parking.http.Route;
import parking.http.RouteHandler;
import parking.slots.SlotService;

/** {@code DELETE /slots/<slot_id>}: the owner deletes the slot. */
public final class DeleteSlotHandler extends RouteHandler {

    /** Primed with a delete of a slot that does not exist, refused by its condition. */
    public DeleteSlotHandler() {
        super(Route.authenticated("DELETE /slots/{slot_id}"));
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(Request request, Services services) {
        services.slots().delete(request.pathId("slot_id").orElseThrow(SlotService::slotNotFound), request.callerId());
        return Responses.message(200, "OK");
    }
}
