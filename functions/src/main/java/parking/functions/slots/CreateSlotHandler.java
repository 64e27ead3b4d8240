package parking.functions.slots;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.math.BigDecimal;
import java.util.Map;
import parking.Services;
import parking.form.FieldCheck;
import parking.http.Request;
import parking.http.Responses;
import parking.http.Route;
import parking.http.RouteHandler;
import parking.json.JsonWriter;
import parking.slots.NewSlot;
import parking.slots.Slot;
import parking.slots.SlotRules;

/** {@code POST /slots}: creates a slot owned by the caller. */
public final class CreateSlotHandler extends RouteHandler {

    /** Primed with a form that fails validation, then a write DynamoDB refuses. */
    public CreateSlotHandler() {
        super(Route.authenticated("POST /slots").primedWithForm("name", "priming").primedAlsoBy(services -> services.slots().primeCreation()));
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(Request request, Services services) {
        FieldCheck fields = new FieldCheck(request.form());
        String name = fields.required("name", SlotRules::name);
        BigDecimal latitude = fields.required("latitude", SlotRules::latitude);
        BigDecimal longitude = fields.required("longitude", SlotRules::longitude);
        boolean occupied = fields.optional("occupied", SlotRules::flag).orElse(false);
        fields.throwIfAny();
        Slot slot = services.slots().create(request.callerId(), new NewSlot(name, latitude, longitude, occupied));
        return Responses.json(201, JsonWriter.object(slot, Slot.JSON), Map.of("Location", "/slots/" + slot.id()));
    }
}
