package parking.functions.testing;

import parking.http.HttpApiEvent;

/**
 * Where the functions' tests start their events: the project's one event model,
 * {@link HttpApiEvent}, with the headers API Gateway always adds.
 */
public final class Events {

    private Events() {
    }

    /** A request for {@code routeKeyPath} (as in the template, e.g. {@code /users/{user_id}}) at {@code rawPath}. */
    public static HttpApiEvent request(String method, String routeKeyPath, String rawPath) {
        return HttpApiEvent.request(method, routeKeyPath, rawPath).header("host", "api.example.com").header("user-agent", "test");
    }

    public static HttpApiEvent request(String method, String path) {
        return request(method, path, path);
    }
}
