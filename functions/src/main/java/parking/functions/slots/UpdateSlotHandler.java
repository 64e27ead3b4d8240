package parking.functions.slots;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Optional;
import parking.Services;
import parking.form.FieldCheck;
import parking.form.Form;
import parking.http.Request;
import parking.http.Responses;
import parking.http.Route;
import parking.http.RouteHandler;
import parking.json.JsonWriter;
import parking.slots.Slot;
import parking.slots.SlotChanges;
import parking.slots.SlotRules;
import parking.slots.SlotService;

/** {@code PATCH /slots/<slot_id>}: the owner (or its sensor) changes any of the slot's fields. */
public final class UpdateSlotHandler extends RouteHandler {

    /** Primed with a change to a slot that does not exist, refused by its condition. */
    public UpdateSlotHandler() {
        super(Route.authenticated("PATCH /slots/{slot_id}").primedWithForm("name", "priming"));
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(Request request, Services services) {
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
        return Responses.json(200, JsonWriter.object(services.slots().update(id, request.callerId(), changes), Slot.JSON));
    }
}
