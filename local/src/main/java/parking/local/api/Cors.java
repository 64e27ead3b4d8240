package parking.local.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import parking.local.template.LocalValues;
import parking.local.template.SamTemplate;

/**
 * The HTTP API's {@code CorsConfiguration} (from the {@code AWS::Serverless::HttpApi} resource, or
 * {@code Globals.HttpApi}), resolved with the template's parameters and conditions, applied as
 * API Gateway applies it: it answers preflight requests itself and adds the CORS headers to the
 * responses of allowed origins.
 */
final class Cors {

    private final List<String> allowOrigins;
    private final List<String> allowMethods;
    private final List<String> allowHeaders;
    private final List<String> exposeHeaders;
    private final Integer maxAge;
    private final boolean allowCredentials;

    private Cors(Map<String, Object> configuration) {
        this.allowOrigins = strings(configuration.get("AllowOrigins"));
        this.allowMethods = strings(configuration.get("AllowMethods"));
        this.allowHeaders = strings(configuration.get("AllowHeaders"));
        this.exposeHeaders = strings(configuration.get("ExposeHeaders"));
        this.maxAge = configuration.get("MaxAge") == null ? null : Integer.valueOf(configuration.get("MaxAge").toString());
        this.allowCredentials = Boolean.parseBoolean(String.valueOf(configuration.get("AllowCredentials")));
    }

    /**
     * The template's CORS settings; empty when the API has none (or a condition leaves them out).
     * {@code CorsConfiguration: true} allows every origin.
     */
    static Optional<Cors> from(SamTemplate template, LocalValues values) {
        Object raw = template.globals("HttpApi").get("CorsConfiguration");
        for (Map<String, Object> api : template.resources("AWS::Serverless::HttpApi").values()) {
            if (api.get("CorsConfiguration") != null) {
                raw = api.get("CorsConfiguration");
            }
        }
        Object configuration = raw == null ? null : values.resolveStructure(raw);
        if (configuration == null || Boolean.FALSE.equals(configuration)) {
            return Optional.empty();
        }
        if (Boolean.TRUE.equals(configuration)) {
            return Optional.of(new Cors(Map.of("AllowOrigins", List.of("*"), "AllowMethods", List.of("*"), "AllowHeaders", List.of("*"))));
        }
        return Optional.of(new Cors(SamTemplate.asMap(configuration)));
    }

    /** API Gateway's own answer to a preflight request, when the request is one. */
    Optional<HttpResponse> preflight(String method, Map<String, String> headers) {
        String origin = headers.get("origin");
        String requested = headers.get("access-control-request-method");
        if (!method.equals("OPTIONS") || origin == null || requested == null) {
            return Optional.empty();
        }
        Map<String, String> cors = new LinkedHashMap<>();
        if (allows(origin)) {
            cors.putAll(originHeaders(origin));
            if (!allowMethods.isEmpty()) {
                cors.put("Access-Control-Allow-Methods", String.join(",", allowMethods));
            }
            if (!allowHeaders.isEmpty()) {
                cors.put("Access-Control-Allow-Headers", String.join(",", allowHeaders));
            }
            if (maxAge != null) {
                cors.put("Access-Control-Max-Age", maxAge.toString());
            }
        }
        return Optional.of(new HttpResponse(204, List.of(), new byte[0]).withHeaders(cors));
    }

    /** The headers an actual (non-preflight) response gets. */
    Map<String, String> responseHeaders(Map<String, String> requestHeaders) {
        String origin = requestHeaders.get("origin");
        if (origin == null || !allows(origin)) {
            return Map.of();
        }
        Map<String, String> cors = new LinkedHashMap<>(originHeaders(origin));
        if (!exposeHeaders.isEmpty()) {
            cors.put("Access-Control-Expose-Headers", String.join(",", exposeHeaders));
        }
        return cors;
    }

    private Map<String, String> originHeaders(String origin) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Access-Control-Allow-Origin", allowOrigins.contains("*") && !allowCredentials ? "*" : origin);
        if (allowCredentials) {
            headers.put("Access-Control-Allow-Credentials", "true");
        }
        return headers;
    }

    private boolean allows(String origin) {
        return allowOrigins.contains("*") || allowOrigins.stream().anyMatch(allowed -> allowed.toLowerCase(Locale.ROOT).equals(origin.toLowerCase(Locale.ROOT)));
    }

    private static List<String> strings(Object value) {
        return SamTemplate.list(value).stream().map(Object::toString).toList();
    }
}
