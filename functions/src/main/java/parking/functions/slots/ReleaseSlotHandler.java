package parking.functions.slots;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import parking.Services;
import parking.http.Request;
import parking.http.Responses;
import parking.http.Route;
import parking.http.RouteHandler;
import parking.slots.SlotService;

/** {@code DELETE /slots/<slot_id>/reservation}: the holder or the slot's owner ends the active reservation. */
public final class ReleaseSlotHandler extends RouteHandler {

    /** Primed with a release on a slot that does not exist, refused by its condition. */
    public ReleaseSlotHandler() {
        super(Route.authenticated("DELETE /slots/{slot_id}/reservation"));
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(Request request, Services services) {
        long id = request.pathId("slot_id").orElseThrow(SlotService::slotNotFound);
        services.slots().release(id, request.callerId());
        return Responses.message(200, "OK");
    }
}
