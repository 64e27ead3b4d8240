package parking.functions.slots;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Optional;
import parking.Services;
import parking.geo.Circle;
import parking.http.ParameterCheck;
import parking.http.Request;
import parking.http.Responses;
import parking.http.Route;
import parking.http.RouteHandler;
import parking.paging.PageRequest;
import parking.slots.NearbySlot;
import parking.slots.Slot;
import parking.slots.SlotFilter;
import parking.slots.SlotRules;
import parking.slots.SlotStatus;

/** {@code GET /slots}: a page of slots in id order, filtered by status (or availability) and owner; with {@code near}, nearest first. */
public final class ListSlotsHandler extends RouteHandler {

    /** Primed with the drivers' request, the most frequent (free slots around a point), and a page of the list in id order. */
    public ListSlotsHandler() {
        super(Route.authenticated("GET /slots").primedWithQueries("near=0,0&available=true&limit=1", "limit=1"));
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(Request request, Services services) {
        boolean nearby = request.query("near").isPresent();
        ParameterCheck parameters = new ParameterCheck(request);
        PageRequest page = nearby ? parameters.pageByDistance() : parameters.page();
        Optional<Boolean> available = parameters.optional("available", SlotRules::flag);
        Optional<SlotStatus> status = parameters.optional("status", SlotRules::status);
        Optional<Long> ownerId = parameters.optional("owner_id", SlotRules::userId);
        Optional<Circle> near = parameters.optional("near", SlotRules::near);
        // A radius means nothing without a point to measure from.
        Optional<Integer> radius = parameters.optional("radius", raw -> nearby ? SlotRules.radius(raw) : Optional.empty());
        parameters.throwIfAny();
        SlotFilter filter = new SlotFilter(available, status, ownerId, near.map(circle -> radius.map(circle::withRadius).orElse(circle)));
        if (nearby) {
            return Responses.page(request, services.slots().nearby(filter, page), NearbySlot.JSON);
        }
        return Responses.page(request, services.slots().list(filter, page), Slot.JSON);
    }
}
