package parking.functions.slots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static parking.functions.testing.ResponseAssertions.assertMessage;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import parking.functions.testing.Events;
import parking.functions.testing.LocalDynamo;
import parking.http.HttpApiEvent;

/** Every slot route needs a valid bearer token, checked before anything else. */
@ExtendWith(LocalDynamo.class)
class SlotRoutesAuthTest {

    private static final SlotApi API = new SlotApi();

    private final long slot = API.slotOf(API.newCaller());

    /** Each route with a request that would succeed but for its token. */
    private Map<RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>, Supplier<HttpApiEvent>> routes() {
        Map<RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>, Supplier<HttpApiEvent>> routes = new LinkedHashMap<>();
        routes.put(API.handlers().list(), () -> SlotApi.slots("GET"));
        routes.put(API.handlers().create(), () -> SlotApi.slots("POST").form("name", "A", "latitude", "1", "longitude", "2"));
        routes.put(API.handlers().get(), () -> SlotApi.slot("GET", slot));
        routes.put(API.handlers().update(), () -> SlotApi.slot("PATCH", slot).form("occupied", "true"));
        routes.put(API.handlers().delete(), () -> SlotApi.slot("DELETE", slot));
        routes.put(API.handlers().reserve(), () -> SlotApi.reservation("POST", slot));
        routes.put(API.handlers().release(), () -> SlotApi.reservation("DELETE", slot));
        return routes;
    }

    @Test
    void everyRouteAnswers401MissingTokenWithoutAuthorization() {
        routes().forEach((handler, request) -> {
            APIGatewayV2HTTPResponse response = handler.handleRequest(request.get().build(), null);
            assertMessage(401, "missing token", response);
            assertEquals("Bearer", response.getHeaders().get("WWW-Authenticate"));
        });
    }

    @Test
    void everyRouteAnswers401MissingTokenForAnotherScheme() {
        routes().forEach((handler, request) ->
                assertMessage(401, "missing token", handler.handleRequest(request.get().header("authorization", "Basic dXNlcjpwYXNz").build(), null)));
    }

    @Test
    void everyRouteAnswers401InvalidTokenForABadToken() {
        String forged = API.newCaller().token() + "x";
        routes().forEach((handler, request) -> {
            APIGatewayV2HTTPResponse response = handler.handleRequest(request.get().bearer(forged).build(), null);
            assertMessage(401, "invalid token", response);
            assertEquals("Bearer error=\"invalid_token\"", response.getHeaders().get("WWW-Authenticate"));
        });
    }

    @Test
    void aMissingTokenIsAnswered401BeforeAnOversizedBody() {
        routes().forEach((handler, request) ->
                assertMessage(401, "missing token", handler.handleRequest(request.get().form("pad", "x".repeat(17 * 1024)).build(), null)));
    }

    @Test
    void nothingChangesWithoutAValidToken() {
        String before = API.get(API.newCaller(), slot).getBody();
        routes().forEach((handler, request) -> handler.handleRequest(request.get().build(), null));

        assertEquals(before, API.get(API.newCaller(), slot).getBody());
    }
}
