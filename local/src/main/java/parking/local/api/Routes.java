package parking.local.api;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import parking.local.template.FunctionDefinition;

/**
 * The HTTP API's routes, from the {@code HttpApi} events of the template's functions, and the
 * choice API Gateway makes among them: the most specific match wins (literal segments before
 * {@code {variables}}, variables before a greedy {@code {name+}}, a method before {@code ANY}),
 * and {@code $default} catches what nothing else matches.
 */
final class Routes {

    /** A route of the template and the function it invokes. */
    record Route(String method, String path, FunctionDefinition function) {

        String routeKey() {
            return isDefault() ? DEFAULT : method + " " + path;
        }

        boolean isDefault() {
            return path.equals(DEFAULT);
        }

        List<String> segments() {
            return split(path);
        }
    }

    /** A request's route, with the path parameters it binds (values percent-decoded). */
    record Match(Route route, Map<String, String> pathParameters) {
    }

    static final String DEFAULT = "$default";
    private static final String ANY = "ANY";

    private final List<Route> routes;

    Routes(List<FunctionDefinition> functions) {
        List<Route> all = new ArrayList<>();
        functions.forEach(function -> function.routes().forEach(route -> all.add(new Route(route.method(), route.path(), function))));
        this.routes = List.copyOf(all);
    }

    List<Route> all() {
        return routes;
    }

    /**
     * The function of that logical id.
     *
     * @throws IllegalArgumentException when no route of the template has it
     */
    FunctionDefinition function(String logicalId) {
        return all().stream()
                .map(Route::function)
                .filter(f -> f.logicalId().equals(logicalId))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no function " + logicalId + " in the template"));
    }

    Optional<Match> match(String method, String rawPath) {
        List<String> request = split(rawPath);
        Optional<Match> best = routes.stream()
                .filter(route -> !route.isDefault())
                .filter(route -> route.method().equals(method) || route.method().equals(ANY))
                .map(route -> bind(route, request))
                .flatMap(Optional::stream)
                .min(Comparator.comparing((Match m) -> rank(m.route())).thenComparing(m -> m.route().method().equals(ANY)));
        if (best.isPresent()) {
            return best;
        }
        return routes.stream().filter(Route::isDefault).findFirst().map(route -> new Match(route, Map.of()));
    }

    private static Optional<Match> bind(Route route, List<String> request) {
        List<String> pattern = route.segments();
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < pattern.size(); i++) {
            String segment = pattern.get(i);
            if (isGreedy(segment)) {
                if (i >= request.size() || i != pattern.size() - 1) {
                    return Optional.empty();
                }
                parameters.put(name(segment), decode(String.join("/", request.subList(i, request.size()))));
                return Optional.of(new Match(route, parameters));
            }
            if (i >= request.size()) {
                return Optional.empty();
            }
            if (isVariable(segment)) {
                if (request.get(i).isEmpty()) {
                    return Optional.empty();
                }
                parameters.put(name(segment), decode(request.get(i)));
            } else if (!segment.equals(request.get(i))) {
                return Optional.empty();
            }
        }
        return pattern.size() == request.size() ? Optional.of(new Match(route, parameters)) : Optional.empty();
    }

    /** Orders matching routes: per segment a literal (0) before a variable (1) before a greedy variable (2). */
    private static String rank(Route route) {
        StringBuilder rank = new StringBuilder();
        for (String segment : route.segments()) {
            rank.append(isGreedy(segment) ? '2' : isVariable(segment) ? '1' : '0');
        }
        return rank.toString();
    }

    private static List<String> split(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        return List.of(trimmed.split("/", -1));
    }

    private static boolean isVariable(String segment) {
        return segment.startsWith("{") && segment.endsWith("}");
    }

    private static boolean isGreedy(String segment) {
        return isVariable(segment) && segment.endsWith("+}");
    }

    private static String name(String segment) {
        return segment.substring(1, segment.length() - (isGreedy(segment) ? 2 : 1));
    }

    private static String decode(String raw) {
        try {
            // Path segments are percent-encoded; a '+' in a path is a plus, not a space.
            return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return raw;
        }
    }
}
