package parking.http;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;

/**
 * The Lambda handler of one {@link Route}. A subclass holds its dependencies and its route's
 * logic ({@link #handle}); serving, logging, error mapping and SnapStart priming happen here.
 */
public abstract class RouteHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final Route route;
    /** Held here because org.crac keeps registered resources weakly. */
    private final Priming priming;

    /**
     * Registers the handler's priming. Priming runs only at the checkpoint, which the runtime
     * takes after it has finished building the handler, so it never meets a half-built one.
     */
    protected RouteHandler(Route route) {
        this.route = route;
        this.priming = Priming.register(this::prime);
    }

    /** What the route does once the request is authenticated (if it must be) and not oversized. */
    protected abstract APIGatewayV2HTTPResponse handle(Request request);

    @Override
    public final APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return route.serve(event, context, this::handle);
    }

    /** The route's key, as {@code template.yaml} must name it too. */
    public final String routeKey() {
        return route.key();
    }

    /** SnapStart priming (see {@link Priming}): the route's priming request, then what it declares beyond. */
    public final void prime() {
        Priming.serve(this, route.primingRequest());
        route.primeBeyondTheRequest();
    }
}
