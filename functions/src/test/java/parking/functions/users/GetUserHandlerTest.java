package parking.functions.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static parking.functions.testing.ResponseAssertions.assertMessage;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import parking.http.RouteHandler;
import parking.Services;
import parking.functions.testing.Api;
import parking.functions.testing.Events;
import parking.functions.testing.LocalDynamo;
import parking.http.HttpApiEvent;

@ExtendWith(LocalDynamo.class)
class GetUserHandlerTest {

    private static String token;
    private final GetUserHandler handler = UserHandlers.get();

    @BeforeAll
    static void logIn() {
        token = Api.tokenOfNewUser();
    }

    private APIGatewayV2HTTPResponse get(String id, String bearer) {
        HttpApiEvent request = Events.request("GET", "/users/{user_id}", "/users/" + id).pathParameter("user_id", id);
        if (bearer != null) {
            request.bearer(bearer);
        }
        return handler.handleRequest(request.build(), null);
    }

    @Test
    void returnsTheUserAsJson() {
        String name = Api.uniqueName("Ivy");
        long id = Api.register(name, "secret123");

        APIGatewayV2HTTPResponse response = get(Long.toString(id), token);

        assertEquals(200, response.getStatusCode());
        assertEquals("application/json", response.getHeaders().get("Content-Type"));
        assertEquals("{\"id\":" + id + ",\"username\":\"" + name + "\"}", response.getBody());
    }

    @Test
    void answersUserNotFoundForAnUnknownId() {
        assertMessage(404, "user not found", get("987654", token));
    }

    @Test
    void answersTheSame404ForIdsThatAreNotPositiveIntegers() {
        for (String id : List.of("0", "-1", "01", "1e3", "abc", "1.0", "99999999999999999999")) {
            assertMessage(404, "user not found", get(id, token));
        }
    }

    @Test
    void answersMissingTokenWithoutAnAuthorizationHeader() {
        APIGatewayV2HTTPResponse response = get("1", null);

        assertMessage(401, "missing token", response);
        assertEquals("Bearer", response.getHeaders().get("WWW-Authenticate"));
    }

    @Test
    void answersMissingTokenForAnotherScheme() {
        APIGatewayV2HTTPResponse response = handler.handleRequest(Events.request("GET", "/users/{user_id}", "/users/1")
                .pathParameter("user_id", "1").header("Authorization", "Basic dXNlcjpwYXNz").build(), null);

        assertMessage(401, "missing token", response);
    }

    @Test
    void answersInvalidTokenForGarbage() {
        APIGatewayV2HTTPResponse response = get("1", "not.a.token");

        assertMessage(401, "invalid token", response);
        assertEquals("Bearer error=\"invalid_token\"", response.getHeaders().get("WWW-Authenticate"));
    }

    @Test
    void answersInvalidTokenForAnotherDeploymentsSecret() {
        String forged = JWT.create().withSubject("1").withIssuer("parking-api")
                .sign(Algorithm.HMAC256("another-deployment-secret-0123456789abcdef"));

        assertMessage(401, "invalid token", get("1", forged));
    }

    @Test
    void answersInvalidTokenForAnotherAlgorithmWithTheSameKey() {
        String forged = JWT.create().withSubject("1").withIssuer("parking-api")
                .sign(Algorithm.HMAC512(LocalDynamo.JWT_SECRET.getBytes(StandardCharsets.UTF_8)));

        assertMessage(401, "invalid token", get("1", forged));
    }

    @Test
    void answersInvalidTokenForAnUnsignedToken() {
        String unsigned = JWT.create().withSubject("1").withIssuer("parking-api").sign(Algorithm.none());

        assertMessage(401, "invalid token", get("1", unsigned));
    }

    @Test
    void answers401BeforeLookingAtTheId() {
        assertMessage(401, "missing token", get("not-an-id", null));
    }

    @Test
    void answers413ForAnOversizedBodyAfterAuthentication() {
        APIGatewayV2HTTPResponse response = handler.handleRequest(Events.request("GET", "/users/{user_id}", "/users/1")
                .pathParameter("user_id", "1").bearer(token)
                .plainBody("text/plain", "x".repeat(16 * 1024 + 1)).build(), null);

        assertMessage(413, "payload too large", response);
    }

    @Test
    void answers503WithRetryAfterWhenTheDatabaseIsUnreachable() {
        Map<String, String> env = new HashMap<>(LocalDynamo.environment("GetUserFunction"));
        env.put("DYNAMODB_ENDPOINT", "http://127.0.0.1:9");
        GetUserHandler unreachable = RouteHandler.withServices(new Services(env), GetUserHandler::new);

        APIGatewayV2HTTPResponse response = unreachable.handleRequest(Events.request("GET", "/users/{user_id}", "/users/1")
                .pathParameter("user_id", "1").bearer(token).build(), null);

        assertMessage(503, "service unavailable", response);
        assertEquals("1", response.getHeaders().get("Retry-After"));
    }

    @Test
    void answers500WithoutDetailsOnAnUnexpectedFailure() {
        Map<String, String> env = new HashMap<>(LocalDynamo.environment("GetUserFunction"));
        env.put("USERS_TABLE", "NoSuchTable");
        GetUserHandler broken = RouteHandler.withServices(new Services(env), GetUserHandler::new);

        APIGatewayV2HTTPResponse response = broken.handleRequest(Events.request("GET", "/users/{user_id}", "/users/1")
                .pathParameter("user_id", "1").bearer(token).build(), null);

        assertMessage(500, "internal error", response);
        assertFalse(response.getBody().contains("Exception"));
    }
}
