package parking.http;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Optional;
import java.util.function.Supplier;
import parking.Services;

/**
 * The Lambda handler of one {@link Route}. A subclass declares its route in its constructor and
 * holds the route's logic ({@link #handle}); serving, logging, error mapping and SnapStart priming
 * happen here.
 *
 * <p>Lambda builds a handler with its public no-arg constructor, on the services of the
 * function's environment ({@link Services#fromEnvironment()}), once per JVM. Tests build one on
 * other services with {@link #withServices}.
 */
public abstract class RouteHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    /** Set only while {@link #withServices} runs a handler's constructor, on that thread. */
    private static final ThreadLocal<Services> GIVEN_SERVICES = new ThreadLocal<>();

    private final Route route;
    private final Services services;
    private final Endpoint endpoint;
    /** Held here because org.crac keeps registered resources weakly. */
    private final Priming priming;

    /**
     * Registers the handler's priming. Priming runs only at the checkpoint, which the runtime
     * takes after it has finished building the handler, so it never meets a half-built one.
     */
    protected RouteHandler(Route route) {
        this.route = route;
        this.services = Optional.ofNullable(GIVEN_SERVICES.get()).orElseGet(Services::fromEnvironment);
        this.endpoint = route.endpoint(services);
        this.priming = Priming.register(this::prime);
    }

    /**
     * Builds a handler with {@code constructor} (its no-arg constructor) on {@code services}
     * instead of the function's environment: a test's engine, clock or fault proxy.
     */
    public static <H extends RouteHandler> H withServices(Services services, Supplier<H> constructor) {
        GIVEN_SERVICES.set(services);
        try {
            return constructor.get();
        } finally {
            GIVEN_SERVICES.remove();
        }
    }

    /** What the route does once the request is authenticated (if it must be) and not oversized. */
    protected abstract APIGatewayV2HTTPResponse handle(Request request, Services services);

    @Override
    public final APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return endpoint.serve(event, context, request -> handle(request, services));
    }

    /** The route's key, as {@code template.yaml} must name it too. */
    public final String routeKey() {
        return route.key();
    }

    /** SnapStart priming (see {@link Priming}): the route's priming requests, then what it declares beyond. */
    public final void prime() {
        route.primingRequests(services).forEach(request -> Priming.serve(this, request));
        route.primeBeyondTheRequest(services);
    }
}
