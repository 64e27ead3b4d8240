package parking.errors;

import java.util.Map;

/**
 * A failure the client caused or must be told about, carrying the contract's status and message.
 * Raised where the rule lives, in any layer, and turned into a response in one place, the HTTP
 * layer's {@code Endpoint}. It lives apart from that layer so that the domain and data code raising
 * it import nothing from {@code parking.http}.
 */
public final class ApiException extends RuntimeException {

    private final int status;
    private final Map<String, String> headers;

    private ApiException(int status, String message, Map<String, String> headers) {
        super(message, null, false, false);
        this.status = status;
        this.headers = Map.copyOf(headers);
    }

    public int status() {
        return status;
    }

    public Map<String, String> headers() {
        return headers;
    }

    /** 401 with no usable Authorization header (RFC 6750 section 3). */
    public static ApiException missingToken() {
        return new ApiException(401, "missing token", Map.of("WWW-Authenticate", "Bearer"));
    }

    /** 401 for a token that is malformed, badly signed, of another algorithm or expired. */
    public static ApiException invalidToken() {
        return new ApiException(401, "invalid token",
                Map.of("WWW-Authenticate", "Bearer error=\"invalid_token\""));
    }

    /**
     * 401 on the sensor report route: a value that is not a sensor key's shape (a JWT included),
     * or a well-formed key that is not the slot's current one.
     */
    public static ApiException invalidSensorKey() {
        return new ApiException(401, "invalid sensor key",
                Map.of("WWW-Authenticate", "Bearer error=\"invalid_token\""));
    }

    /** 401 for a failed login; RFC 9110 requires a challenge on every 401. */
    public static ApiException badCredentials() {
        return new ApiException(401, "bad credentials", Map.of("WWW-Authenticate", "Bearer"));
    }

    public static ApiException payloadTooLarge() {
        return new ApiException(413, "payload too large", Map.of());
    }

    public static ApiException badRequest(String message) {
        return new ApiException(400, message, Map.of());
    }

    public static ApiException notFound(String message) {
        return new ApiException(404, message, Map.of());
    }

    public static ApiException forbidden() {
        return new ApiException(403, "forbidden", Map.of());
    }

    public static ApiException conflict(String message) {
        return new ApiException(409, message, Map.of());
    }

    /** 503: the database throttled or could not be reached; the client may retry. */
    public static ApiException serviceUnavailable() {
        return new ApiException(503, "service unavailable", Map.of("Retry-After", "1"));
    }
}
