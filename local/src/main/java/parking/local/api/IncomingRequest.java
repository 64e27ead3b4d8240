package parking.local.api;

import java.util.List;
import java.util.Map;

/**
 * An HTTP request as the local API received it.
 *
 * @param rawQuery the query string as sent, without '?', empty when none
 * @param headers header name (any case) → its values in arrival order
 */
record IncomingRequest(
        String method,
        String rawPath,
        String rawQuery,
        Map<String, List<String>> headers,
        byte[] body,
        String sourceIp,
        String protocol,
        int serverPort) {
}
