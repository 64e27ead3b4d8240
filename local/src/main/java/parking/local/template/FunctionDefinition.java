package parking.local.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One {@code AWS::Serverless::Function} with {@code Globals.Function} merged in as SAM merges it
 * ({@link SamTemplate#withGlobals}): scalars from the function win, maps such as the environment
 * variables merge key by key.
 *
 * @param environment variable name → raw template value (a string or an {@link SamTemplate.Intrinsic})
 * @param snapStart whether published versions start from a SnapStart snapshot ({@code SnapStart: ApplyOn: PublishedVersions})
 * @param properties every property, Globals merged in, raw (for the settings no other component names)
 */
public record FunctionDefinition(
        String logicalId,
        String handler,
        String runtime,
        int memoryMb,
        int timeoutSeconds,
        Map<String, Object> environment,
        boolean snapStart,
        List<Route> routes,
        Map<String, Object> properties) {

    /** An {@code HttpApi} event of the function. */
    public record Route(String method, String path) {
    }

    private static final int SAM_DEFAULT_MEMORY_MB = 128;
    private static final int SAM_DEFAULT_TIMEOUT_SECONDS = 3;

    /** @param merged the function's properties with {@code Globals.Function} merged in */
    static FunctionDefinition of(String logicalId, Map<String, Object> merged) {
        Map<String, Object> environment = variables(merged);
        List<Route> routes = new ArrayList<>();
        SamTemplate.asMap(merged.get("Events")).values().forEach(value -> {
            Map<String, Object> event = SamTemplate.asMap(value);
            if ("HttpApi".equals(event.get("Type"))) {
                Map<String, Object> route = SamTemplate.asMap(event.get("Properties"));
                routes.add(new Route(String.valueOf(route.get("Method")).toUpperCase(java.util.Locale.ROOT),
                        String.valueOf(route.get("Path"))));
            }
        });
        return new FunctionDefinition(
                logicalId,
                String.valueOf(merged.get("Handler")),
                String.valueOf(merged.get("Runtime")),
                intOf(merged.get("MemorySize"), SAM_DEFAULT_MEMORY_MB),
                intOf(merged.get("Timeout"), SAM_DEFAULT_TIMEOUT_SECONDS),
                environment,
                "PublishedVersions".equals(SamTemplate.asMap(merged.get("SnapStart")).get("ApplyOn")),
                List.copyOf(routes),
                merged);
    }

    private static Map<String, Object> variables(Map<String, Object> functionProperties) {
        return SamTemplate.asMap(SamTemplate.asMap(functionProperties.get("Environment")).get("Variables"));
    }

    private static int intOf(Object value, int fallback) {
        return value == null ? fallback : Integer.parseInt(value.toString());
    }
}
