package parking.http;

import java.util.Optional;

/**
 * Where the shared module's tests start their events: the project's one event model,
 * {@link HttpApiEvent}, with a request id the log assertions name, and the {@link Request} a
 * route's action would get from one.
 */
final class HttpEvent {

    static final String URLENCODED = "application/x-www-form-urlencoded";

    private HttpEvent() {
    }

    static HttpApiEvent request() {
        return request("/users");
    }

    static HttpApiEvent request(String path) {
        return HttpApiEvent.request("POST", path).requestId("api-req-1");
    }

    /** The request as an open route sees it (no caller). */
    static Request asRequest(HttpApiEvent event) {
        return new Request(event.build(), 0, Optional.empty());
    }
}
