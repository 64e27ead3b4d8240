package parking.functions.localapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import parking.functions.testing.Api;

/**
 * The users routes end to end: real HTTP into the local API, the deployment jar's handlers in
 * their own JVMs, dynalite behind them. Each route's main path and main error; every exchange
 * is checked against openapi.yaml.
 */
@ExtendWith(SharedLocalApi.class)
class UsersOverHttpIT {

    private static final String PASSWORD = "secret123";
    private static Http http;

    @BeforeAll
    static void connect() {
        http = SharedLocalApi.http();
    }

    private static String register(String name) {
        HttpResponse<String> created = http.postForm("/users", "username", name, "password", PASSWORD);
        assertEquals(201, created.statusCode(), created.body());
        return created.headers().firstValue("location").orElseThrow();
    }

    private static String token(String name) {
        HttpResponse<String> login = http.postForm("/users/login", "username", name, "password", PASSWORD);
        assertEquals(200, login.statusCode(), login.body());
        return login.body();
    }

    private static void assertMessage(int status, String message, HttpResponse<String> response) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals(message, response.body());
        assertEquals("text/plain; charset=utf-8", response.headers().firstValue("content-type").orElseThrow());
    }

    @Test
    void createsAUserFromAnUrlencodedFormWith201AndItsLocation() {
        HttpResponse<String> response = http.postForm("/users", "username", Api.uniqueName("alice"), "password", PASSWORD);

        assertMessage(201, "OK", response);
        assertTrue(response.headers().firstValue("location").orElseThrow().matches("/users/[1-9][0-9]*"));
    }

    @Test
    void createsAUserFromAMultipartForm() {
        assertMessage(201, "OK", http.postMultipart("/users", "username", Api.uniqueName("multi"), "password", PASSWORD));
    }

    @Test
    void answersMissingFormToAJsonBody() {
        assertMessage(400, "missing form", http.post("/users", "application/json", "{\"username\":\"bob\",\"password\":\"secret123\"}"));
    }

    @Test
    void answersUsernameConflictToASecondRegistrationOfAName() {
        String name = Api.uniqueName("carol");
        register(name);

        assertMessage(409, "username conflict", http.postForm("/users", "username", name.toUpperCase(), "password", PASSWORD));
    }

    @Test
    void logsInWithAMultipartFormAndAnswersTheTokenUncached() {
        String name = Api.uniqueName("dave");
        register(name);

        HttpResponse<String> response = http.postMultipart("/users/login", "username", name, "password", PASSWORD);

        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.body().matches("[\\w-]+\\.[\\w-]+\\.[\\w-]+"), "a JWT: " + response.body());
        assertEquals("no-store", response.headers().firstValue("cache-control").orElseThrow());
    }

    @Test
    void answersBadCredentialsToAWrongPassword() {
        String name = Api.uniqueName("erin");
        register(name);

        assertMessage(401, "bad credentials", http.postForm("/users/login", "username", name, "password", "wrong-password"));
    }

    @Test
    void getsAUserWithAToken() {
        String name = Api.uniqueName("frank");
        String location = register(name);

        HttpResponse<String> response = http.bearer(token(name)).get(location);

        assertEquals(200, response.statusCode(), response.body());
        assertEquals("application/json", response.headers().firstValue("content-type").orElseThrow());
        assertEquals("{\"id\":" + location.substring("/users/".length()) + ",\"username\":\"" + name + "\"}", response.body());
    }

    @Test
    void answersUserNotFoundForAnUnknownId() {
        String name = Api.uniqueName("grace");
        register(name);

        assertMessage(404, "user not found", http.bearer(token(name)).get("/users/999999"));
    }

    @Test
    void listsUsersInIdOrder() {
        String name = Api.uniqueName("heidi");
        String location = register(name);

        HttpResponse<String> response = http.bearer(token(name)).get("/users?limit=1000");

        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.body().startsWith("[{\"id\":1,"), response.body());
        assertTrue(response.body().contains("{\"id\":" + location.substring("/users/".length()) + ",\"username\":\"" + name + "\"}"));
    }

    @Test
    void answersMissingTokenWithWwwAuthenticateToAListWithoutToken() {
        HttpResponse<String> response = http.get("/users");

        assertMessage(401, "missing token", response);
        assertEquals("Bearer", response.headers().firstValue("www-authenticate").orElseThrow());
    }

    @Test
    void answersInvalidTokenToAForgedToken() {
        assertMessage(401, "invalid token", http.bearer("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.forged").get("/users/1"));
    }

    @Test
    void answersAnUnknownRouteWith404NotFoundJson() {
        HttpResponse<String> response = http.outsideTheContract().get("/parking");

        assertEquals(404, response.statusCode());
        assertEquals("{\"message\":\"Not Found\"}", response.body());
    }
}
