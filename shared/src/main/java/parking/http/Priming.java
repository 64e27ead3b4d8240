package parking.http;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.io.OutputStream;
import java.util.Optional;
import java.util.regex.Pattern;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

/**
 * SnapStart priming. With SnapStart, Lambda initialises a function when a version is published,
 * runs its {@code org.crac} {@code beforeCheckpoint} hooks, and snapshots the JVM; new execution
 * environments resume from that snapshot. Each {@link RouteHandler} registers its route's
 * requests here, so the snapshot already holds what its first request would otherwise pay for: the classes of the
 * request path loaded and initialised, the DynamoDB client's first call (signing, HTTP, response
 * parsing) made, the JWT verifier used, and the JIT's first compilations done.
 *
 * <p>Priming never writes: its requests name {@link #UNUSED_ID}, which no user or slot has (ids
 * count up from 1), so reads find nothing and every conditional write is refused; routes that
 * create take a form that fails validation. Credentials are not kept from it: the client's
 * container credentials provider fetches fresh ones when those it holds expire (see
 * {@code parking.db.Dynamo}).
 */
final class Priming implements Resource {

    /** The id priming requests name: {@code Long.MAX_VALUE}, far beyond any id the counters hand out. */
    static final String UNUSED_ID = Long.toString(Long.MAX_VALUE);

    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{([a-z_]+)}");
    private static final HttpApiSerializer SERIALIZER = new HttpApiSerializer();

    private final Runnable requests;

    private Priming(Runnable requests) {
        this.requests = requests;
    }

    /**
     * Registers the requests to run before the snapshot. {@code org.crac} holds registered
     * resources weakly: keep the returned instance in a field of the handler.
     */
    static Priming register(Runnable requests) {
        Priming priming = new Priming(requests);
        Core.getGlobalContext().register(priming);
        return priming;
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        requests.run();
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // Nothing kept from before the snapshot needs renewing: see the class comment.
    }

    /** Serves a priming request and writes the answer as the runtime writes answers, to nowhere. */
    static void serve(RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler, APIGatewayV2HTTPEvent request) {
        SERIALIZER.toJson(handler.handleRequest(request, null), OutputStream.nullOutputStream(), APIGatewayV2HTTPResponse.class);
    }

    /**
     * The priming request of a route, e.g. {@code GET /slots/{slot_id}}: every path variable is
     * {@link #UNUSED_ID}; with {@code bearer} (a token of that unused user id, or a sensor key),
     * it carries that credential as a caller would.
     */
    static HttpApiEvent request(String routeKey, Optional<String> bearer) {
        String[] methodAndPath = routeKey.split(" ", 2);
        HttpApiEvent request = HttpApiEvent.request(methodAndPath[0], methodAndPath[1],
                PATH_VARIABLE.matcher(methodAndPath[1]).replaceAll(UNUSED_ID)).requestId("priming");
        PATH_VARIABLE.matcher(methodAndPath[1]).results().forEach(variable -> request.pathParameter(variable.group(1), UNUSED_ID));
        bearer.ifPresent(request::bearer);
        return request;
    }
}
