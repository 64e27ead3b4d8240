package parking.functions.slots;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.math.BigDecimal;
import java.util.Map;
import parking.Services;
import parking.form.FieldCheck;
import parking.http.Endpoint;
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

    public CreateSlotHandler() {
        this(Services.fromEnvironment());
    }

    CreateSlotHandler(Services services) {
        this.endpoint = Endpoint.authenticated(services.tokens());
        this.slots = services.slots();
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
}
