package parking.functions.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static parking.functions.testing.ResponseAssertions.assertMessage;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.auth0.jwt.JWT;
import com.auth0.jwt.interfaces.DecodedJWT;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import parking.functions.testing.Api;
import parking.functions.testing.Events;
import parking.functions.testing.LocalDynamo;
import parking.http.HttpApiEvent;

@ExtendWith(LocalDynamo.class)
class LoginHandlerTest {

    private final LoginHandler handler = UserHandlers.login();

    private APIGatewayV2HTTPResponse login(HttpApiEvent request) {
        return handler.handleRequest(request.build(), null);
    }

    private static HttpApiEvent loginForm(String username, String password) {
        return Events.request("POST", "/users/login").form("username", username, "password", password);
    }

    @Test
    void answersWithTheTokenItselfCarryingTheContractClaims() {
        String name = Api.uniqueName("Dave");
        long id = Api.register(name, "secret123");

        APIGatewayV2HTTPResponse response = login(loginForm(name, "secret123"));

        assertEquals(200, response.getStatusCode());
        assertEquals("text/plain; charset=utf-8", response.getHeaders().get("Content-Type"));
        DecodedJWT token = JWT.decode(response.getBody());
        assertEquals("HS256", token.getAlgorithm());
        assertEquals(Long.toString(id), token.getSubject());
        assertEquals(name, token.getClaim("username").asString());
        assertNotNull(token.getIssuedAtAsInstant());
        assertNotNull(token.getIssuer());
        assertNull(token.getExpiresAtAsInstant(), "no exp unless an expiry is configured");
    }

    @Test
    void forbidsCachingTheToken() {
        String name = Api.uniqueName("cache");
        Api.register(name, "secret123");

        assertEquals("no-store", login(loginForm(name, "secret123")).getHeaders().get("Cache-Control"));
    }

    @Test
    void acceptsTheUsernameInAnyLetterCase() {
        String name = Api.uniqueName("Erin");
        Api.register(name, "secret123");

        APIGatewayV2HTTPResponse response = login(loginForm(name.toUpperCase(), "secret123"));

        assertEquals(200, response.getStatusCode());
        assertEquals(name, JWT.decode(response.getBody()).getClaim("username").asString());
    }

    @Test
    void acceptsAMultipartForm() {
        String name = Api.uniqueName("multi");
        Api.register(name, "secret123");

        assertEquals(200, login(Events.request("POST", "/users/login").multipart("username", name, "password", "secret123")).getStatusCode());
    }

    @Test
    void answersBadCredentialsForAWrongPassword() {
        String name = Api.uniqueName("frank");
        Api.register(name, "secret123");

        APIGatewayV2HTTPResponse response = login(loginForm(name, "secret124"));

        assertMessage(401, "bad credentials", response);
        assertEquals("Bearer", response.getHeaders().get("WWW-Authenticate"));
    }

    @Test
    void answersAnUnknownUserExactlyLikeAWrongPassword() {
        String name = Api.uniqueName("grace");
        Api.register(name, "secret123");

        APIGatewayV2HTTPResponse wrongPassword = login(loginForm(name, "secret124"));
        APIGatewayV2HTTPResponse unknownUser = login(loginForm(Api.uniqueName("nobody"), "secret123"));

        assertEquals(wrongPassword.getStatusCode(), unknownUser.getStatusCode());
        assertEquals(wrongPassword.getBody(), unknownUser.getBody());
        assertEquals(wrongPassword.getHeaders(), unknownUser.getHeaders());
    }

    @Test
    void answersMissingFormWithoutABody() {
        assertMessage(400, "missing form", login(Events.request("POST", "/users/login")));
    }

    @Test
    void answersMissingFieldsInContractOrder() {
        assertMessage(400, "missing fields [username, password]", login(Events.request("POST", "/users/login").form("x", "y")));
    }

    @Test
    void answersInvalidFieldsForMalformedCredentials() {
        assertMessage(400, "invalid fields [username, password]", login(loginForm("a b", "short")));
    }

    @Test
    void neverEchoesThePasswordOrAHash() {
        String name = Api.uniqueName("henry");
        Api.register(name, "secret123");

        APIGatewayV2HTTPResponse response = login(loginForm(name, "wrongpass1"));

        assertFalse(response.getBody().contains("wrongpass1"));
        assertFalse(response.getBody().contains("$2"));
    }
}
