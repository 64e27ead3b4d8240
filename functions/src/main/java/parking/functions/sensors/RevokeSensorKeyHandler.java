package parking.functions.sensors;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import parking.Services;
import parking.http.Request;
import parking.http.Responses;
import parking.http.Route;
import parking.http.RouteHandler;
import parking.slots.SlotService;

/** {@code DELETE /slots/<slot_id>/sensor-key}: the owner revokes the slot's sensor key; the slot is no longer watched. */
public final class RevokeSensorKeyHandler extends RouteHandler {

    /** Primed with a revocation on a slot that does not exist, refused by its condition. */
    public RevokeSensorKeyHandler() {
        super(Route.authenticated("DELETE /slots/{slot_id}/sensor-key"));
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(Request request, Services services) {
        long id = request.pathId("slot_id").orElseThrow(SlotService::slotNotFound);
        services.sensors().revoke(id, request.callerId());
        return Responses.message(200, "OK");
    }
}
