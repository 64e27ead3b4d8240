package parking.functions.testing;

import java.util.concurrent.atomic.AtomicInteger;
import parking.http.HttpApiEvent;

/**
 * Where the functions' tests start their events: the project's one event model,
 * {@link HttpApiEvent}, with what API Gateway always adds: the headers, and the caller's address
 * ({@code requestContext.http.sourceIp}), {@link #ADDRESS} unless a test gives another.
 */
public final class Events {

    /** The address of every test request that names none (TEST-NET-1, RFC 5737). */
    public static final String ADDRESS = "192.0.2.10";

    /** Addresses handed out by {@link #freshAddress()}: 198.18.0.0/15, reserved for tests of networks (RFC 2544). */
    private static final AtomicInteger NEXT_ADDRESS = new AtomicInteger();

    private Events() {
    }

    /** A request for {@code routeKeyPath} (as in the template, e.g. {@code /users/{user_id}}) at {@code rawPath}. */
    public static HttpApiEvent request(String method, String routeKeyPath, String rawPath) {
        return HttpApiEvent.request(method, routeKeyPath, rawPath).header("host", "api.example.com").header("user-agent", "test")
                .caller(ADDRESS, "HTTP/1.1");
    }

    public static HttpApiEvent request(String method, String path) {
        return request(method, path, path);
    }

    /** An address no other request of this JVM has come from: a client of its own for the abuse limits. */
    public static String freshAddress() {
        int n = NEXT_ADDRESS.incrementAndGet();
        return "198." + (18 + n / 65536 % 2) + "." + (n / 256 % 256) + "." + (n % 256);
    }
}
