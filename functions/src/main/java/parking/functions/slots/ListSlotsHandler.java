package parking.functions.slots;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Optional;
import java.util.function.Supplier;
import parking.Services;
import parking.auth.Tokens;
import parking.http.Endpoint;
import parking.http.PageRequest;
import parking.http.ParameterCheck;
import parking.http.Priming;
import parking.http.Responses;
import parking.slots.Slot;
import parking.slots.SlotFilter;
import parking.slots.SlotRules;
import parking.slots.SlotService;

/** {@code GET /slots}: slots in id order, a page at a time, filtered by availability and owner. */
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
            PageRequest page = PageRequest.read(parameters);
            Optional<Boolean> available = parameters.optional("available", SlotRules::flag);
            Optional<Long> ownerId = parameters.optional("owner_id", SlotRules::userId);
            parameters.throwIfAny();
            return Responses.page(request, slots.list(new SlotFilter(available, ownerId), page), Slot.JSON);
        });
    }

    /** SnapStart priming (see {@link Priming}): a one-item page of the slots. */
    void prime() {
        Priming.serve(this, primingRequest.get());
    }
}
