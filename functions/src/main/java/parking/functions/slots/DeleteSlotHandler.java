package parking.functions.slots;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.function.Supplier;
import parking.Services;
import parking.auth.Tokens;
import parking.http.Endpoint;
import parking.http.Priming;
import parking.http.Responses;
import parking.slots.SlotService;

/** {@code DELETE /slots/<slot_id>}: the owner deletes the slot. */
public final class DeleteSlotHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final Endpoint endpoint;
    private final SlotService slots;
    /** Built only at the checkpoint: a cold start without SnapStart never pays for it. */
    private final Supplier<APIGatewayV2HTTPEvent> primingRequest;
    // Held here because org.crac keeps registered resources weakly.
    private final Priming priming;

    public DeleteSlotHandler() {
        this(Services.fromEnvironment());
    }

    DeleteSlotHandler(Services services) {
        Tokens tokens = services.tokens();
        this.endpoint = Endpoint.authenticated(tokens);
        this.slots = services.slots();
        this.primingRequest = () -> Priming.request("DELETE /slots/{slot_id}").authenticated(tokens).event();
        this.priming = Priming.register(this::prime);
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return endpoint.serve(event, context, request -> {
            long id = request.pathId("slot_id").orElseThrow(SlotService::slotNotFound);
            slots.delete(id, request.callerId());
            return Responses.message(200, "OK");
        });
    }

    /** SnapStart priming (see {@link Priming}): a delete of a slot that does not exist, refused by its condition. */
    void prime() {
        Priming.serve(this, primingRequest.get());
    }
}
