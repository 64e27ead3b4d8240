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
import parking.slots.SlotChanges;
import parking.slots.SlotRules;
import parking.slots.SlotService;

/** {@code PATCH /slots/<slot_id>}: the owner (or its sensor) changes any of the slot's fields. */
public final class UpdateSlotHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final Endpoint endpoint;
    private final SlotService slots;
    /** Built only at the checkpoint: a cold start without SnapStart never pays for it. */
    private final Supplier<APIGatewayV2HTTPEvent> primingRequest;
    // Held here because org.crac keeps registered resources weakly.
    private final Priming priming;

    public UpdateSlotHandler() {
        this(Services.fromEnvironment());
    }

    UpdateSlotHandler(Services services) {
        Tokens tokens = services.tokens();
        this.endpoint = Endpoint.authenticated(tokens);
        this.slots = services.slots();
        this.primingRequest = () -> Priming.request("PATCH /slots/{slot_id}").authenticated(tokens).form("name=priming").event();
        this.priming = Priming.register(this::prime);
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return endpoint.serve(event, context, request -> {
            Form form = request.form();
            FieldCheck fields = new FieldCheck(form);
            if (SlotChanges.FIELDS.stream().map(form::get).allMatch(Optional::isEmpty)) {
                fields.missing(SlotChanges.FIELDS);
            }
            SlotChanges changes = new SlotChanges(
                    fields.optional("name", SlotRules::name),
                    fields.optional("latitude", SlotRules::latitude),
                    fields.optional("longitude", SlotRules::longitude),
                    fields.optional("occupied", SlotRules::flag));
            fields.throwIfAny();
            long id = request.pathId("slot_id").orElseThrow(SlotService::slotNotFound);
            return Responses.json(200, JsonWriter.object(slots.update(id, request.callerId(), changes), Slot.JSON));
        });
    }

    /** SnapStart priming (see {@link Priming}): a change to a slot that does not exist, refused by its condition. */
    void prime() {
        Priming.serve(this, primingRequest.get());
    }
}
