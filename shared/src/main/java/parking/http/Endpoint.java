package parking.http;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import parking.auth.Tokens;
import parking.db.DatabaseErrors;
import parking.errors.ApiException;
import parking.sensors.SensorKey;

/**
 * Runs one route's action in the contract's check order (401, then 413, then whatever the action
 * checks) and is the one place where failures become responses: {@link ApiException} as itself,
 * database throttling or outage as 503, anything else as a logged 500 without details.
 *
 * <p>Three ways in: open (no credential), a user's JWT, or a sensor key (the report route only).
 * A sensor key is no token and a token no sensor key: each fails the other's check.
 */
public final class Endpoint {

    /** What a route does once the request is authenticated (if it must be) and not oversized. */
    @FunctionalInterface
    public interface Action {
        APIGatewayV2HTTPResponse handle(Request request);
    }

    private static final String BEARER = "bearer ";

    /** What a route takes in {@code Authorization}, as {@link Route} declares it and this class checks it. */
    enum Credential { NONE, TOKEN, SENSOR_KEY }

    private final Credential credential;
    private final Tokens tokens;

    private Endpoint(Credential credential, Tokens tokens) {
        this.credential = credential;
        this.tokens = tokens;
    }

    /** For {@code POST /users} and {@code POST /users/login}, the only routes without a token. */
    public static Endpoint open() {
        return new Endpoint(Credential.NONE, null);
    }

    public static Endpoint authenticated(Tokens tokens) {
        return new Endpoint(Credential.TOKEN, Objects.requireNonNull(tokens));
    }

    /**
     * For the sensor's report: {@code Authorization: Bearer <sensor key>}, checked here for its
     * shape only, without a database call; whether it is the slot's key, the report's write decides.
     */
    public static Endpoint sensorKey() {
        return new Endpoint(Credential.SENSOR_KEY, null);
    }

    public APIGatewayV2HTTPResponse serve(APIGatewayV2HTTPEvent event, Context context, Action action) {
        long start = System.nanoTime();
        long callerId = 0;
        APIGatewayV2HTTPResponse response;
        Optional<Throwable> failure = Optional.empty();
        try {
            Optional<SensorKey> sensorKey = credential == Credential.SENSOR_KEY
                    ? Optional.of(SensorKey.parse(bearer(event)).orElseThrow(ApiException::invalidSensorKey))
                    : Optional.empty();
            callerId = credential == Credential.TOKEN ? authenticate(event) : 0;
            Request request = new Request(event, callerId, sensorKey);
            request.rejectOversizedBody();
            response = action.handle(request);
        } catch (ApiException e) {
            response = Responses.message(e.status(), e.getMessage(), e.headers());
        } catch (RuntimeException e) {
            failure = Optional.of(e);
            response = DatabaseErrors.asUnavailable(e)
                    .map(unavailable -> Responses.message(unavailable.status(), unavailable.getMessage(), unavailable.headers()))
                    .orElseGet(() -> Responses.message(500, "internal error"));
        }
        Log.request(new Log.Entry(context, event, response.getStatusCode(), (System.nanoTime() - start) / 1000, callerId, failure));
        return response;
    }

    private long authenticate(APIGatewayV2HTTPEvent event) {
        OptionalLong userId = tokens.verify(bearer(event));
        if (userId.isEmpty()) {
            throw ApiException.invalidToken();
        }
        return userId.getAsLong();
    }

    /** The credential of {@code Authorization: Bearer <credential>}. */
    private static String bearer(APIGatewayV2HTTPEvent event) {
        String header = Request.header(event, "authorization").orElse("");
        // RFC 6750 section 2.1: the scheme is case-insensitive.
        if (header.length() <= BEARER.length() || !header.substring(0, BEARER.length()).toLowerCase(Locale.ROOT).equals(BEARER)) {
            throw ApiException.missingToken();
        }
        return header.substring(BEARER.length()).trim();
    }
}
