package parking.functions.localapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import parking.local.ProjectRoot;
import parking.local.api.LocalApi;
import parking.local.template.FunctionDefinition;
import parking.local.template.SamTemplate;

/**
 * Replays every sample event of {@code events/} through the local API's event path into its
 * route's handler, as {@code sam local invoke -e} would, so that none of them rots: each one
 * must name a route of the template and get a 2xx answer, and each route must have one.
 */
class EventFilesIT {

    private static final Path ROOT = ProjectRoot.find();
    private static final String TOKEN_PLACEHOLDER = "REPLACE_WITH_A_TOKEN_FROM_LOGIN";
    private static final String LOGIN_EVENT = "login.json";

    /** A sample event and the template route it is for. */
    private record Sample(Path file, FunctionDefinition function, FunctionDefinition.Route route, int templateOrder) {

        /**
         * Where it comes in the events' story on an empty database: creations first (a POST to a
         * path without variables), then reads and updates, then deletions, deepest path first.
         */
        int stage() {
            boolean variables = route.path().contains("{");
            return switch (route.method()) {
                case "POST" -> variables ? 1 : 0;
                case "DELETE" -> 2;
                default -> 1;
            };
        }
    }

    @Test
    void everyEventNamesATemplateRouteEveryRouteHasOneAndEachGetsA2xxAnswer() throws IOException {
        List<FunctionDefinition> functions = SamTemplate.load(ROOT.resolve("template.yaml")).functions();
        List<Sample> samples = samples(functions);
        Set<String> covered = new TreeSet<>();
        samples.forEach(sample -> covered.add(sample.route().method() + " " + sample.route().path()));
        Set<String> routes = new TreeSet<>();
        functions.forEach(f -> f.routes().forEach(route -> routes.add(route.method() + " " + route.path())));
        assertEquals(routes, covered, "every route of template.yaml has its event in events/");

        try (LocalApi api = LocalApi.start(List.of("--port", "0", "--in-memory", "--env", "BCRYPT_COST=4"), System.out)) {
            String token = null;
            for (Sample sample : samples) {
                String event = Files.readString(sample.file(), StandardCharsets.UTF_8);
                if (token != null) {
                    event = event.replace(TOKEN_PLACEHOLDER, token);
                }
                LocalApi.Reply reply = api.invokeEvent(event.getBytes(StandardCharsets.UTF_8));
                assertTrue(reply.status() >= 200 && reply.status() < 300,
                        sample.file().getFileName() + " answered " + reply.status() + " " + reply.body());
                if (sample.file().getFileName().toString().equals(LOGIN_EVENT)) {
                    token = reply.body();
                }
            }
        }
    }

    /** The files of events/, each tied to its function by name, in the story's order. */
    private static List<Sample> samples(List<FunctionDefinition> functions) throws IOException {
        List<Sample> samples = new ArrayList<>();
        try (Stream<Path> files = Files.list(ROOT.resolve("events"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                String json = Files.readString(file, StandardCharsets.UTF_8);
                String routeKey = json.replaceAll("(?s).*?\"routeKey\"\\s*:\\s*\"([^\"]+)\".*", "$1");
                String name = file.getFileName().toString().replace(".json", "");
                FunctionDefinition function = functions.stream()
                        .filter(f -> eventName(f).equals(name))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError(file.getFileName() + " is named after no function of the template"));
                FunctionDefinition.Route route = function.routes().stream()
                        .filter(r -> (r.method() + " " + r.path()).equals(routeKey))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError(file.getFileName() + ": " + routeKey + " is not a route of " + function.logicalId()));
                samples.add(new Sample(file, function, route, functions.indexOf(function)));
            }
        }
        if (samples.isEmpty()) {
            fail("no events in " + ROOT.resolve("events"));
        }
        samples.sort(Comparator.comparingInt(Sample::stage)
                .thenComparing(s -> s.stage() == 2 ? -s.route().path().length() : 0)
                .thenComparingInt(Sample::templateOrder));
        return samples;
    }

    /** {@code CreateUserFunction} → {@code create-user}. */
    private static String eventName(FunctionDefinition function) {
        return function.logicalId().replaceFirst("Function$", "")
                .replaceAll("([a-z0-9])([A-Z])", "$1-$2")
                .toLowerCase(Locale.ROOT);
    }
}
