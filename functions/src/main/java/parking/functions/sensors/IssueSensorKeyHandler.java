package parking.functions.sensors;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import parking.Services;
import parking.http.Request;
import parking.http.Responses;
import parking.http.Route;
import parking.http.RouteHandler;
import parking.json.JsonWriter;
import parking.sensors.IssuedKey;
import parking.slots.SlotService;

/**
 * {@code POST /slots/<slot_id>/sensor-key}: the owner issues a new key for the slot's sensor; any
 * earlier key stops working at once. The answer is the only one that ever shows the key.
 */
public final class IssueSensorKeyHandler extends RouteHandler {

    /** Primed with an issue for a slot that does not exist, refused by its condition. */
    public IssueSensorKeyHandler() {
        super(Route.authenticated("POST /slots/{slot_id}/sensor-key"));
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(Request request, Services services) {
        long id = request.pathId("slot_id").orElseThrow(SlotService::slotNotFound);
        return Responses.json(201, JsonWriter.object(services.sensors().issue(id, request.callerId()), IssuedKey.JSON));
    }
}
