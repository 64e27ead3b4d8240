package parking.local.api;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the local API answers: a status, headers (a name may repeat, as {@code Set-Cookie} does)
 * and a body.
 */
record HttpResponse(int status, List<Map.Entry<String, String>> headers, byte[] body) {

    static final String JSON = "application/json";

    /** An answer of API Gateway itself, such as {@code 404 {"message":"Not Found"}}. */
    static HttpResponse gatewayMessage(int status, String message) {
        return new HttpResponse(status, List.of(Map.entry("Content-Type", JSON)),
                ("{\"message\":\"" + message + "\"}").getBytes(StandardCharsets.UTF_8));
    }

    HttpResponse withHeaders(Map<String, String> extra) {
        if (extra.isEmpty()) {
            return this;
        }
        Map<String, String> replaced = new LinkedHashMap<>(extra);
        List<Map.Entry<String, String>> merged = new ArrayList<>();
        headers.stream().filter(h -> replaced.keySet().stream().noneMatch(h.getKey()::equalsIgnoreCase)).forEach(merged::add);
        merged.addAll(replaced.entrySet());
        return new HttpResponse(status, List.copyOf(merged), body);
    }
}
