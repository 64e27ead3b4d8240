package parking.functions.slots;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Optional;
import java.util.function.Supplier;
import parking.Services;
import parking.auth.Tokens;
import parking.form.FieldCheck;
import parking.form.Form;
import parking.http.Endpoint;
import parking.http.Priming;
import parking.http.Responses;
import parking.json.JsonWriter;
import parking.slots.Slot;
import parking.slots.SlotRules;
import parking.slots.SlotService;

/**
 * {@code POST /slots/<slot_id>/reservation}: any user reserves a free slot, or extends its own
 * reservation. The form is optional: no body or an empty one reserves for the default length,
 * but a body that is not a form is {@code 400 missing form}, as on every other route.
 */
public final class ReserveSlotHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final Endpoint endpoint;
    private final SlotService slots;
    /** Built only at the checkpoint: a cold start without SnapStart never pays for it. */
    private final Supplier<APIGatewayV2HTTPEvent> primingRequest;
    // Held here because org.crac keeps registered resources weakly.
    private final Priming priming;

    public ReserveSlotHandler() {
        this(Services.fromEnvironment());
    }

    ReserveSlotHandler(Services services) {
        Tokens tokens = services.tokens();
        this.endpoint = Endpoint.authenticated(tokens);
        this.slots = services.slots();
        this.primingRequest = () -> Priming.request("POST /slots/{slot_id}/reservation").authenticated(tokens).form("minutes=30").event();
        this.priming = Priming.register(this::prime);
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return endpoint.serve(event, context, request -> {
            int minutes = request.optionalForm().map(ReserveSlotHandler::minutes).orElse(SlotRules.DEFAULT_MINUTES);
            long id = request.pathId("slot_id").orElseThrow(SlotService::slotNotFound);
            return Responses.json(201, JsonWriter.object(slots.reserve(id, request.callerId(), minutes), Slot.JSON));
        });
    }

    private static int minutes(Form form) {
        FieldCheck fields = new FieldCheck(form);
        Optional<Integer> minutes = fields.optional("minutes", SlotRules::minutes);
        fields.throwIfAny();
        return minutes.orElse(SlotRules.DEFAULT_MINUTES);
    }

    /** SnapStart priming (see {@link Priming}): a reservation of a slot that does not exist, refused by its condition. */
    void prime() {
        Priming.serve(this, primingRequest.get());
    }
}
