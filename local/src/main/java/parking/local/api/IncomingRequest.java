package parking.local.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import parking.http.HttpApiEvent;

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

    /** A Host header's value: a name or IPv4 address, or an IPv6 one in brackets, and an optional port. */
    private static final Pattern HOST = Pattern.compile("([A-Za-z0-9.-]+|\\[[0-9A-Fa-f:.]+])(:[0-9]{1,5})?");

    /**
     * The address the client reached this API at, as a URL origin: its {@code Host} header, which
     * every HTTP/1.1 client sends, when it is a plain host and port; else this machine's name for
     * loopback on the port it came in on.
     */
    String origin() {
        return headers.entrySet().stream()
                .filter(header -> header.getKey().equalsIgnoreCase("host") && header.getValue().size() == 1)
                .map(header -> header.getValue().get(0))
                .filter(host -> HOST.matcher(host).matches())
                .findFirst()
                .map(host -> "http://" + host)
                .orElse("http://localhost:" + serverPort);
    }

    /**
     * The event the HTTP API sends the function of the matched route, with the headers API Gateway
     * adds. Unlike API Gateway, which is reached over HTTPS and appends the caller to a sent
     * {@code x-forwarded-for}, the local API is plain HTTP and names only the caller.
     */
    HttpApiEvent event(Routes.Match match, HttpApiEvent.Api api, String requestId, String traceId, Instant time) {
        HttpApiEvent event = HttpApiEvent.matched(match.route().routeKey(), method, rawPath)
                .query(rawQuery)
                .sentHeaders(headers)
                .header("x-amzn-trace-id", traceId)
                .header("x-forwarded-for", sourceIp)
                .header("x-forwarded-port", Integer.toString(serverPort))
                .header("x-forwarded-proto", "http")
                .api(api)
                .caller(sourceIp, protocol)
                .requestId(requestId)
                .time(time)
                .sentBody(body);
        match.pathParameters().forEach(event::pathParameter);
        return event;
    }
}
