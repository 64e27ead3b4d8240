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

/**
 * Runs one route's action in the contract's check order (401, then 413, then whatever the action
 * checks) and is the one place where failures become responses: {@link ApiException} as itself,
 * database throttling or outage as 503, anything else as a logged 500 without details.
 */
public final class Endpoint {

    /** What a route does once the request is authenticated (if it must be) and not oversized. */
    @FunctionalInterface
    public interface Action {
        APIGatewayV2HTTPResponse handle(Request request);
    }

    private static final String BEARER = "bearer ";

    private final Tokens tokens;

    private Endpoint(Tokens tokens) {
        this.tokens = tokens;
    }

    /** For {@code POST /users} and {@code POST /users/login}, the only routes without a token. */
    public static Endpoint open() {
        return new Endpoint(null);
    }

    public static Endpoint authenticated(Tokens tokens) {
        return new Endpoint(Objects.requireNonNull(tokens));
    }

    public APIGatewayV2HTTPResponse serve(APIGatewayV2HTTPEvent event, Context context, Action action) {
        long start = System.nanoTime();
        long callerId = 0;
        APIGatewayV2HTTPResponse response;
        Optional<Throwable> failure = Optional.empty();
        try {
            callerId = tokens == null ? 0 : authenticate(event);
            Request request = new Request(event, callerId);
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
        String header = Request.header(event, "authorization").orElse("");
        // RFC 6750 section 2.1: the scheme is case-insensitive.
        if (header.length() <= BEARER.length() || !header.substring(0, BEARER.length()).toLowerCase(Locale.ROOT).equals(BEARER)) {
            throw ApiException.missingToken();
        }
        OptionalLong userId = tokens.verify(header.substring(BEARER.length()).trim());
        if (userId.isEmpty()) {
            throw ApiException.invalidToken();
        }
        return userId.getAsLong();
    }
}
