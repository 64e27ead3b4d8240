package parking.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import parking.Services;

/**
 * One route of the API as its handler declares it, once: its key as {@code template.yaml} names
 * it (a test holds every handler's key against the template), whether it needs a token, and what
 * SnapStart priming sends it (see {@link Priming}). Serving goes through {@link Endpoint}: the
 * contract's check order, the request's log line and the mapping of failures to responses.
 *
 * <p>A priming request is the route's key with every path variable {@link Priming#UNUSED_ID},
 * the token of that unused user on authenticated routes (a well-formed sensor key on the sensor's
 * route), and the form declared here; a route that
 * declares several queries is primed with one request per query, each taking its own code path.
 */
public final class Route {

    /** A sensor key no slot has: its priming report is refused like any other priming write. */
    private static final String PRIMING_SENSOR_KEY = "psk_" + "0".repeat(43);

    private final String key;
    private final Endpoint.Credential credential;
    private final List<String> primingQueries;
    private final List<String> primingForm;
    private final Consumer<Services> primingBeyondTheRequest;

    private Route(String key, Endpoint.Credential credential, List<String> primingQueries, List<String> primingForm,
            Consumer<Services> primingBeyondTheRequest) {
        this.key = key;
        this.credential = credential;
        this.primingQueries = primingQueries;
        this.primingForm = primingForm;
        this.primingBeyondTheRequest = primingBeyondTheRequest;
    }

    /** For {@code POST /users} and {@code POST /users/login}, the only routes without a token. */
    public static Route open(String key) {
        return new Route(key, Endpoint.Credential.NONE, List.of(), List.of(), services -> { });
    }

    public static Route authenticated(String key) {
        return new Route(key, Endpoint.Credential.TOKEN, List.of(), List.of(), services -> { });
    }

    /** For {@code PUT /slots/{slot_id}/occupancy}: a sensor key instead of a token (see {@link Endpoint#sensorKey}). */
    public static Route sensorKey(String key) {
        return new Route(key, Endpoint.Credential.SENSOR_KEY, List.of(), List.of(), services -> { });
    }

    /** Priming sends one request per query string (e.g. {@code limit=1}). */
    public Route primedWithQueries(String... rawQueries) {
        return new Route(key, credential, List.of(rawQueries), primingForm, primingBeyondTheRequest);
    }

    /** The priming request carries this urlencoded form: pairs of name and value. */
    public Route primedWithForm(String... namesAndValues) {
        return new Route(key, credential, primingQueries, List.of(namesAndValues), primingBeyondTheRequest);
    }

    /**
     * After its request, priming also runs {@code work}: what the route does that no request can
     * reach without writing (a refused write, a bcrypt hash).
     */
    public Route primedAlsoBy(Consumer<Services> work) {
        return new Route(key, credential, primingQueries, primingForm, work);
    }

    /** As in {@code template.yaml}: {@code "POST /slots/{slot_id}/reservation"}. */
    public String key() {
        return key;
    }

    Endpoint endpoint(Services services) {
        return switch (credential) {
            case NONE -> Endpoint.open();
            case TOKEN -> Endpoint.authenticated(services.tokens());
            case SENSOR_KEY -> Endpoint.sensorKey();
        };
    }

    /** Built only at the checkpoint: a cold start without SnapStart never pays for them. */
    List<APIGatewayV2HTTPEvent> primingRequests(Services services) {
        List<Optional<String>> queries = primingQueries.isEmpty()
                ? List.of(Optional.empty())
                : primingQueries.stream().map(Optional::of).toList();
        return queries.stream().map(query -> primingRequest(services, query)).toList();
    }

    private APIGatewayV2HTTPEvent primingRequest(Services services, Optional<String> query) {
        HttpApiEvent request = Priming.request(key, switch (credential) {
            case NONE -> Optional.empty();
            case TOKEN -> Optional.of(services.tokens().issue(Long.MAX_VALUE, "priming"));
            case SENSOR_KEY -> Optional.of(PRIMING_SENSOR_KEY);
        });
        query.ifPresent(request::query);
        if (!primingForm.isEmpty()) {
            request.form(primingForm.toArray(String[]::new));
        }
        return request.build();
    }

    void primeBeyondTheRequest(Services services) {
        primingBeyondTheRequest.accept(services);
    }
}
