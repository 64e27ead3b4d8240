package parking.functions.slots;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import parking.Services;
import parking.http.Endpoint;
import parking.http.Responses;
import parking.slots.SlotService;

/** {@code DELETE /slots/<slot_id>}: the owner deletes the slot. */
public final class DeleteSlotHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final Endpoint endpoint;
    private final SlotService slots;

    public DeleteSlotHandler() {
        this(Services.fromEnvironment());
    }

    DeleteSlotHandler(Services services) {
        this.endpoint = Endpoint.authenticated(services.tokens());
        this.slots = services.slots();
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return endpoint.serve(event, context, request -> {
            long id = request.pathId("slot_id").orElseThrow(SlotService::slotNotFound);
            slots.delete(id, request.callerId());
            return Responses.message(200, "OK");
        });
    }
}
