package parking.functions.testing;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import parking.Services;
import parking.auth.Tokens;
import java.util.concurrent.atomic.AtomicInteger;
import parking.functions.users.UserHandlers;

/** Arranges state through the real handlers: registered users and their tokens. */
public final class Api {

    private static final AtomicInteger NAMES = new AtomicInteger();

    private Api() {
    }

    /** A username no other test uses. */
    public static String uniqueName(String prefix) {
        return prefix + NAMES.incrementAndGet();
    }

    /**
     * Registers a user and returns its id (from the Location header). Each registration comes from
     * an address of its own, as each user's own device would: arranging a test's users never
     * brings the test's own address nearer its abuse limit.
     */
    public static long register(String username, String password) {
        APIGatewayV2HTTPResponse created = UserHandlers.create().handleRequest(Events.request("POST", "/users")
                .caller(Events.freshAddress(), "HTTP/1.1").form("username", username, "password", password).build(), null);
        if (created.getStatusCode() != 201) {
            throw new AssertionError("could not register " + username + ": " + created.getStatusCode() + " " + created.getBody());
        }
        return Long.parseLong(created.getHeaders().get("Location").substring("/users/".length()));
    }

    /** Logs in through the login handler and returns the token. */
    public static String login(String username, String password) {
        APIGatewayV2HTTPResponse response = UserHandlers.login().handleRequest(
                Events.request("POST", "/users/login").form("username", username, "password", password).build(), null);
        if (response.getStatusCode() != 200) {
            throw new AssertionError("could not log in " + username + ": " + response.getStatusCode());
        }
        return response.getBody();
    }

    /** A token for a fresh user. */
    public static String tokenOfNewUser() {
        String name = uniqueName("user");
        register(name, "password123");
        return login(name, "password123");
    }

    /** Tokens signed with the test deployment's secret, for forging claims in auth tests. */
    public static Tokens tokens() {
        Services services = LocalDynamo.services("LoginFunction");
        return services.tokens();
    }
}
