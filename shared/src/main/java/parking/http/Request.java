package parking.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import parking.errors.ApiException;
import parking.form.Form;
import parking.form.FormDecoder;
import parking.sensors.SensorKey;

/**
 * One HTTP API (payload 2.0) request, read the same way whether it came from API Gateway
 * (lower-case header names, form bodies base64-encoded) or from {@code sam local} (Title-Case
 * headers, plain bodies).
 */
public final class Request {

    /** The contract's body limit, applied to the decoded body. */
    public static final int MAX_BODY_BYTES = 16 * 1024;

    private final APIGatewayV2HTTPEvent event;
    private final long callerId;
    private final Optional<SensorKey> sensorKey;

    Request(APIGatewayV2HTTPEvent event, long callerId, Optional<SensorKey> sensorKey) {
        this.event = event;
        this.callerId = callerId;
        this.sensorKey = sensorKey;
    }

    /** The authenticated user's id; only on routes served by {@link Endpoint#authenticated}. */
    public long callerId() {
        if (callerId <= 0) {
            throw new IllegalStateException("route is not authenticated");
        }
        return callerId;
    }

    /** The well-formed sensor key the request carries; only on routes served by {@link Endpoint#sensorKey}. */
    public SensorKey sensorKey() {
        return sensorKey.orElseThrow(() -> new IllegalStateException("route takes no sensor key"));
    }

    public Optional<String> header(String name) {
        return header(event, name);
    }

    static Optional<String> header(APIGatewayV2HTTPEvent event, String name) {
        Map<String, String> headers = event.getHeaders();
        if (headers == null) {
            return Optional.empty();
        }
        String value = headers.get(name.toLowerCase(Locale.ROOT));
        if (value != null) {
            return Optional.of(value);
        }
        return headers.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue)
                .findFirst();
    }

    /** A query parameter as API Gateway gives it (repeated values joined by commas). */
    public Optional<String> query(String name) {
        Map<String, String> query = event.getQueryStringParameters();
        return query == null ? Optional.empty() : Optional.ofNullable(query.get(name));
    }

    /**
     * The positive integer in a path parameter, or empty when the segment is anything else
     * (zero, negative, leading zeros, exponent, too large), which routes treat as not found.
     */
    public OptionalLong pathId(String name) {
        Map<String, String> params = event.getPathParameters();
        return PathIds.parse(params == null ? null : params.get(name));
    }

    /** The path as the client sent it, for Location and Link headers. */
    public String rawPath() {
        return event.getRawPath() == null ? "/" : event.getRawPath();
    }

    public String rawQueryString() {
        return event.getRawQueryString() == null ? "" : event.getRawQueryString();
    }

    /**
     * The body as a form.
     *
     * @throws ApiException 400 {@code missing form} when there is no decodable form
     */
    public Form form() {
        return body().flatMap(bytes -> FormDecoder.decode(header("content-type").orElse(null), bytes))
                .orElseThrow(() -> ApiException.badRequest("missing form"));
    }

    /**
     * The form if the request carries a body at all; an empty body means "no form sent".
     *
     * @throws ApiException 400 {@code missing form} when a body is sent but is not a decodable form
     */
    public Optional<Form> optionalForm() {
        String body = event.getBody();
        if (body == null || body.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(form());
    }

    /**
     * @throws ApiException 413 when the decoded body exceeds {@link #MAX_BODY_BYTES}
     */
    void rejectOversizedBody() {
        String body = event.getBody();
        if (body == null) {
            return;
        }
        // A body whose base64 is broken counts at its raw length: it is still too large to accept.
        long size = body().map(bytes -> (long) bytes.length).orElse((long) body.length());
        if (size > MAX_BODY_BYTES) {
            throw ApiException.payloadTooLarge();
        }
    }

    /** The decoded body bytes; empty when absent or when its base64 is broken. */
    private Optional<byte[]> body() {
        String body = event.getBody();
        if (body == null) {
            return Optional.empty();
        }
        if (!event.getIsBase64Encoded()) {
            return Optional.of(body.getBytes(StandardCharsets.UTF_8));
        }
        try {
            // The strict decoder: the MIME one skips any character outside the alphabet, so a
            // corrupted body could decode to a form, or shrink under the size limit.
            return Optional.of(Base64.getDecoder().decode(body));
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }
}
