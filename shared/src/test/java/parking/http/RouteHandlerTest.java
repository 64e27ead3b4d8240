package parking.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import parking.Services;

class RouteHandlerTest {

    private static final Services GIVEN = new Services(Map.of("JWT_SECRET", "0123456789abcdef0123456789abcdef-test-only"));

    /** Answers with the caller's id and keeps the services its route logic was handed. */
    static final class RecordingHandler extends RouteHandler {

        Services seen;

        RecordingHandler(Route route) {
            super(route);
        }

        @Override
        protected APIGatewayV2HTTPResponse handle(Request request, Services services) {
            seen = services;
            return Responses.message(200, Long.toString(request.callerId()));
        }
    }

    private static RecordingHandler whoAmI() {
        return new RecordingHandler(Route.authenticated("GET /whoami"));
    }

    /** An open route, so that building it on the environment's services needs no secret. */
    private static RecordingHandler ping() {
        return new RecordingHandler(Route.open("POST /ping"));
    }

    @Test
    void servesItsRouteOnTheServicesItWasBuiltWith() {
        RecordingHandler handler = RouteHandler.withServices(GIVEN, RouteHandlerTest::whoAmI);

        APIGatewayV2HTTPResponse response = handler.handleRequest(
                HttpApiEvent.request("GET", "/whoami", "/whoami").bearer(GIVEN.tokens().issue(7, "alice")).build(), null);

        assertEquals("200 7", response.getStatusCode() + " " + response.getBody());
        assertSame(GIVEN, handler.seen);
    }

    @Test
    void verifiesTokensWithTheSecretOfItsServices() {
        Services other = new Services(Map.of("JWT_SECRET", "another-secret-another-secret-another-secret"));
        RecordingHandler handler = RouteHandler.withServices(GIVEN, RouteHandlerTest::whoAmI);

        APIGatewayV2HTTPResponse response = handler.handleRequest(
                HttpApiEvent.request("GET", "/whoami", "/whoami").bearer(other.tokens().issue(7, "alice")).build(), null);

        assertEquals("401 invalid token", response.getStatusCode() + " " + response.getBody());
    }

    @Test
    void aHandlerBuiltOutsideWithServicesIsBuiltOnTheEnvironmentsServices() {
        RouteHandler.withServices(GIVEN, RouteHandlerTest::ping);
        assertThrows(IllegalStateException.class, () -> RouteHandler.withServices(GIVEN, () -> {
            throw new IllegalStateException("a constructor that fails");
        }));
        RecordingHandler handler = ping();

        handler.handleRequest(HttpApiEvent.request("POST", "/ping", "/ping").build(), null);

        assertSame(Services.fromEnvironment(), handler.seen);
    }
}
