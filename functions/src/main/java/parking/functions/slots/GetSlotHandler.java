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
import parking.json.JsonWriter;
import parking.slots.Slot;
import parking.slots.SlotService;

/** {@code GET /slots/<slot_id>}: one slot. */
public final class GetSlotHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final Endpoint endpoint;
    private final SlotService slots;
    /** Built only at the checkpoint: a cold start without SnapStart never pays for it. */
    private final Supplier<APIGatewayV2HTTPEvent> primingRequest;
    // Held here because org.crac keeps registered resources weakly.
    private final Priming priming;

    public GetSlotHandler() {
        this(Services.fromEnvironment());
    }

    GetSlotHandler(Services services) {
        Tokens tokens = services.tokens();
        this.endpoint = Endpoint.authenticated(tokens);
        this.slots = services.slots();
        this.primingRequest = () -> Priming.request("GET /slots/{slot_id}").authenticated(tokens).event();
        this.priming = Priming.register(this::prime);
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return endpoint.serve(event, context, request -> {
            long id = request.pathId("slot_id").orElseThrow(SlotService::slotNotFound);
            return Responses.json(200, JsonWriter.object(slots.get(id), Slot.JSON));
        });
    }

    /** SnapStart priming (see {@link Priming}): a read of a slot that does not exist. */
    void prime() {
        Priming.serve(this, primingRequest.get());
    }
}
