package parking.functions.slots;

import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import parking.http.RouteHandler;
import parking.Services;
import parking.functions.sensors.IssueSensorKeyHandler;
import parking.functions.sensors.ReportOccupancyHandler;
import parking.functions.sensors.RevokeSensorKeyHandler;
import parking.functions.testing.LocalDynamo;

/**
 * The slots handlers (the sensor routes under {@code /slots/<slot_id>} included), each wired from its own function's environment in the template, all on
 * one clock that tests can move. Services are built on first use, after the test class's
 * engine has started, and kept for the class.
 */
public final class SlotHandlers {

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
        return RouteHandler.withServices(services("ListSlotsFunction"), ListSlotsHandler::new);
    }

    CreateSlotHandler create() {
        return RouteHandler.withServices(services("CreateSlotFunction"), CreateSlotHandler::new);
    }

    GetSlotHandler get() {
        return RouteHandler.withServices(services("GetSlotFunction"), GetSlotHandler::new);
    }

    UpdateSlotHandler update() {
        return RouteHandler.withServices(services("UpdateSlotFunction"), UpdateSlotHandler::new);
    }

    DeleteSlotHandler delete() {
        return RouteHandler.withServices(services("DeleteSlotFunction"), DeleteSlotHandler::new);
    }

    ReserveSlotHandler reserve() {
        return RouteHandler.withServices(services("ReserveSlotFunction"), ReserveSlotHandler::new);
    }

    ReleaseSlotHandler release() {
        return RouteHandler.withServices(services("ReleaseSlotFunction"), ReleaseSlotHandler::new);
    }

    public IssueSensorKeyHandler issueSensorKey() {
        return RouteHandler.withServices(services("IssueSensorKeyFunction"), IssueSensorKeyHandler::new);
    }

    public RevokeSensorKeyHandler revokeSensorKey() {
        return RouteHandler.withServices(services("RevokeSensorKeyFunction"), RevokeSensorKeyHandler::new);
    }

    /** The report handler, reaching DynamoDB through {@code dynamoEndpoint} (e.g. a proxy that answers as DynamoDB does). */
    public ReportOccupancyHandler reportOccupancy(URI dynamoEndpoint) {
        return RouteHandler.withServices(new Services(LocalDynamo.environment("ReportOccupancyFunction", dynamoEndpoint), clock),
                ReportOccupancyHandler::new);
    }

    public ReportOccupancyHandler reportOccupancy() {
        return RouteHandler.withServices(services("ReportOccupancyFunction"), ReportOccupancyHandler::new);
    }
}
