package parking.http;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.List;
import java.util.Optional;
import parking.auth.Tokens;

/**
 * One route of the API as its handler declares it, once: its key as {@code template.yaml} names
 * it (a test holds every handler's key against the template), who may call it, and what SnapStart
 * priming sends it (see {@link Priming}). Serving goes through {@link Endpoint}: the contract's
 * check order, the request's log line and the mapping of failures to responses.
 *
 * <p>The priming request is the route's key with every path variable {@link Priming#UNUSED_ID},
 * the token of that unused user on authenticated routes, and the query or form declared here.
 */
public final class Route {

    private final String key;
    private final Optional<Tokens> tokens;
    private final Endpoint endpoint;
    private final Optional<String> primingQuery;
    private final List<String> primingForm;
    private final Runnable primingBeyondTheRequest;

    private Route(String key, Optional<Tokens> tokens, Optional<String> primingQuery, List<String> primingForm,
            Runnable primingBeyondTheRequest) {
        this.key = key;
        this.tokens = tokens;
        this.endpoint = tokens.map(Endpoint::authenticated).orElseGet(Endpoint::open);
        this.primingQuery = primingQuery;
        this.primingForm = primingForm;
        this.primingBeyondTheRequest = primingBeyondTheRequest;
    }

    /** For {@code POST /users} and {@code POST /users/login}, the only routes without a token. */
    public static Route open(String key) {
        return new Route(key, Optional.empty(), Optional.empty(), List.of(), () -> { });
    }

    public static Route authenticated(String key, Tokens tokens) {
        return new Route(key, Optional.of(tokens), Optional.empty(), List.of(), () -> { });
    }

    /** The priming request carries this query string (e.g. {@code limit=1}). */
    public Route primedWithQuery(String rawQuery) {
        return new Route(key, tokens, Optional.of(rawQuery), primingForm, primingBeyondTheRequest);
    }

    /** The priming request carries this urlencoded form: pairs of name and value. */
    public Route primedWithForm(String... namesAndValues) {
        return new Route(key, tokens, primingQuery, List.of(namesAndValues), primingBeyondTheRequest);
    }

    /**
     * After its request, priming also runs {@code work}: what the route does that no request can
     * reach without writing (a refused write, a bcrypt hash).
     */
    public Route primedAlsoBy(Runnable work) {
        return new Route(key, tokens, primingQuery, primingForm, work);
    }

    /** As in {@code template.yaml}: {@code "POST /slots/{slot_id}/reservation"}. */
    public String key() {
        return key;
    }

    APIGatewayV2HTTPResponse serve(APIGatewayV2HTTPEvent event, Context context, Endpoint.Action action) {
        return endpoint.serve(event, context, action);
    }

    /** Built only at the checkpoint: a cold start without SnapStart never pays for it. */
    APIGatewayV2HTTPEvent primingRequest() {
        HttpApiEvent request = Priming.request(key, tokens);
        primingQuery.ifPresent(request::query);
        if (!primingForm.isEmpty()) {
            request.form(primingForm.toArray(String[]::new));
        }
        return request.build();
    }

    void primeBeyondTheRequest() {
        primingBeyondTheRequest.run();
    }
}
