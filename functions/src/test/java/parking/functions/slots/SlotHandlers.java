package parking.functions.slots;

import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import parking.Services;
import parking.functions.testing.LocalDynamo;

/**
 * The slots handlers, each wired from its own function's environment in the template, all on
 * one clock that tests can move. Services are built on first use, after the test class's
 * engine has started, and kept for the class.
 */
final class SlotHandlers {

    private final Clock clock;
    private final Optional<URI> dynamoEndpoint;
    private final Map<String, Services> services = new ConcurrentHashMap<>();

    SlotHandlers(Clock clock, Optional<URI> dynamoEndpoint) {
        this.clock = clock;
        this.dynamoEndpoint = dynamoEndpoint;
    }

    /**
     * The services of the template's function {@code functionLogicalId}, on this clock, reaching
     * DynamoDB directly or through {@code dynamoEndpoint} (a fault proxy) when one is given.
     */
    Services services(String functionLogicalId) {
        return services.computeIfAbsent(functionLogicalId, id -> new Services(dynamoEndpoint
                .map(endpoint -> LocalDynamo.environment(id, endpoint))
                .orElseGet(() -> LocalDynamo.environment(id)), clock));
    }

    ListSlotsHandler list() {
        return new ListSlotsHandler(services("ListSlotsFunction"));
    }

    CreateSlotHandler create() {
        return new CreateSlotHandler(services("CreateSlotFunction"));
    }

    GetSlotHandler get() {
        return new GetSlotHandler(services("GetSlotFunction"));
    }

    UpdateSlotHandler update() {
        return new UpdateSlotHandler(services("UpdateSlotFunction"));
    }

    DeleteSlotHandler delete() {
        return new DeleteSlotHandler(services("DeleteSlotFunction"));
    }

    ReserveSlotHandler reserve() {
        return new ReserveSlotHandler(services("ReserveSlotFunction"));
    }

    ReleaseSlotHandler release() {
        return new ReleaseSlotHandler(services("ReleaseSlotFunction"));
    }
}
