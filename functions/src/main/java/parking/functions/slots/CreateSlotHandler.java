package parking.functions.slots;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.math.BigDecimal;
import java.util.Map;
import java.util.function.Supplier;
import parking.Services;
import parking.auth.Tokens;
import parking.form.FieldCheck;
import parking.http.Endpoint;
import parking.http.Priming;
import parking.http.Responses;
import parking.json.JsonWriter;
import parking.slots.NewSlot;
import parking.slots.Slot;
import parking.slots.SlotRules;
import parking.slots.SlotService;

/** {@code POST /slots}: creates a slot owned by the caller. */
public final class CreateSlotHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final Endpoint endpoint;
    private final SlotService slots;
    /** Built only at the checkpoint: a cold start without SnapStart never pays for it. */
    private final Supplier<APIGatewayV2HTTPEvent> primingRequest;
    // Held here because org.crac keeps registered resources weakly.
    private final Priming priming;

    public CreateSlotHandler() {
        this(Services.fromEnvironment());
    }

    CreateSlotHandler(Services services) {
        Tokens tokens = services.tokens();
        this.endpoint = Endpoint.authenticated(tokens);
        this.slots = services.slots();
        this.primingRequest = () -> Priming.request("POST /slots").authenticated(tokens).form("name=priming").event();
        this.priming = Priming.register(this::prime);
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return endpoint.serve(event, context, request -> {
            FieldCheck fields = new FieldCheck(request.form());
            String name = fields.required("name", SlotRules::name);
            BigDecimal latitude = fields.required("latitude", SlotRules::latitude);
            BigDecimal longitude = fields.required("longitude", SlotRules::longitude);
            boolean occupied = fields.optional("occupied", SlotRules::flag).orElse(false);
            fields.throwIfAny();
            Slot slot = slots.create(request.callerId(), new NewSlot(name, latitude, longitude, occupied));
            return Responses.json(201, JsonWriter.object(slot, Slot.JSON), Map.of("Location", "/slots/" + slot.id()));
        });
    }

    /** SnapStart priming (see {@link Priming}): a form that fails validation, then a write DynamoDB refuses. */
    void prime() {
        Priming.serve(this, primingRequest.get());
        slots.primeCreation();
    }
}
