package parking.functions.slots;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Optional;
import java.util.function.Supplier;
import parking.Services;
import parking.auth.Tokens;
import parking.geo.Circle;
import parking.http.Endpoint;
import parking.paging.PageRequest;
import parking.http.ParameterCheck;
import parking.http.Priming;
import parking.http.Responses;
import parking.slots.NearbySlot;
import parking.slots.Slot;
import parking.slots.SlotFilter;
import parking.slots.SlotRules;
import parking.slots.SlotService;

/**
 * {@code GET /slots}: slots in id order, a page at a time, filtered by availability and owner;
 * with {@code near}, the slots around a point, nearest first.
 */
public final class ListSlotsHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final Endpoint endpoint;
    private final SlotService slots;
    /** Built only at the checkpoint: a cold start without SnapStart never pays for it. */
    private final Supplier<APIGatewayV2HTTPEvent> primingRequest;
    // Held here because org.crac keeps registered resources weakly.
    private final Priming priming;

    public ListSlotsHandler() {
        this(Services.fromEnvironment());
    }

    ListSlotsHandler(Services services) {
        Tokens tokens = services.tokens();
        this.endpoint = Endpoint.authenticated(tokens);
        this.slots = services.slots();
        this.primingRequest = () -> Priming.request("GET /slots").authenticated(tokens).query("limit", "1").event();
        this.priming = Priming.register(this::prime);
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return endpoint.serve(event, context, request -> {
            ParameterCheck parameters = new ParameterCheck(request);
            boolean nearby = request.query("near").isPresent();
            PageRequest page = nearby ? parameters.pageByDistance() : parameters.page();
            Optional<Boolean> available = parameters.optional("available", SlotRules::flag);
            Optional<Long> ownerId = parameters.optional("owner_id", SlotRules::userId);
            Optional<Circle> near = parameters.optional("near", SlotRules::near);
            // A radius means nothing without a point to measure from.
            Optional<Integer> radius = parameters.optional("radius", raw -> nearby ? SlotRules.radius(raw) : Optional.empty());
            parameters.throwIfAny();
            SlotFilter filter = new SlotFilter(available, ownerId, near.map(circle -> radius.map(circle::withRadius).orElse(circle)));
            if (nearby) {
                return Responses.page(request, slots.nearby(filter, page), NearbySlot.JSON);
            }
            return Responses.page(request, slots.list(filter, page), Slot.JSON);
        });
    }

    /** SnapStart priming (see {@link Priming}): a one-item page of the slots. */
    void prime() {
        Priming.serve(this, primingRequest.get());
    }
}
