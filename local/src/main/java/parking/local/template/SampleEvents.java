package parking.local.template;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The sample events of {@code events/} (see its README): one HTTP API event per route, named after
 * its function ({@code CreateUserFunction} → {@code create-user.json}; more examples of one route
 * add a word: {@code list-slots.nearby.json}), which together tell one
 * story on an empty database. Routes that need a token carry {@link #TOKEN_PLACEHOLDER}, to be
 * replaced by what {@code login.json} answers; the sensor's report carries
 * {@link #SENSOR_KEY_PLACEHOLDER}, to be replaced by the key {@code issue-sensor-key.json} answers.
 */
public final class SampleEvents {

    public static final String TOKEN_PLACEHOLDER = "REPLACE_WITH_A_TOKEN_FROM_LOGIN";
    public static final String SENSOR_KEY_PLACEHOLDER = "REPLACE_WITH_A_SENSOR_KEY_FROM_ISSUE";
    /** The event whose answer is the token the others need. */
    public static final String LOGIN_EVENT = "login.json";
    /** The event whose answer holds the sensor key the report needs. */
    public static final String SENSOR_KEY_EVENT = "issue-sensor-key.json";

    private static final Pattern SENSOR_KEY = Pattern.compile("\"sensor_key\"\\s*:\\s*\"([^\"]+)\"");

    /** What the story has reached: the token and the sensor key the events after it carry (placeholders before). */
    public record Credentials(String token, String sensorKey) {

        public static final Credentials PLACEHOLDERS = new Credentials(TOKEN_PLACEHOLDER, SENSOR_KEY_PLACEHOLDER);

        /** The credentials once {@code sample} has been answered {@code body}. */
        public Credentials after(Sample sample, String body) {
            String name = sample.file().getFileName().toString();
            if (name.equals(LOGIN_EVENT)) {
                return new Credentials(body, sensorKey);
            }
            Matcher key = SENSOR_KEY.matcher(body);
            return name.equals(SENSOR_KEY_EVENT) && key.find() ? new Credentials(token, key.group(1)) : this;
        }
    }

    /** A sample event and the template route it is for. */
    public record Sample(Path file, FunctionDefinition function, FunctionDefinition.Route route, int templateOrder) {

        /** The event's bytes with the story's credentials put in. */
        public byte[] with(Credentials credentials) {
            try {
                return Files.readString(file, StandardCharsets.UTF_8)
                        .replace(TOKEN_PLACEHOLDER, credentials.token())
                        .replace(SENSOR_KEY_PLACEHOLDER, credentials.sensorKey())
                        .getBytes(StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** The function's logical id, and the event's word when it has one: {@code ListSlotsFunction (nearby)}. */
        public String label() {
            String[] name = file.getFileName().toString().split("\\.");
            return name.length < 3 ? function.logicalId() : function.logicalId() + " (" + name[1] + ")";
        }

        /**
         * Where it comes in the events' story on an empty database: creations first (a POST to a
         * path without variables), then reads and updates, then deletions, deepest path first.
         */
        private int stage() {
            boolean variables = route.path().contains("{");
            return switch (route.method()) {
                case "POST" -> variables ? 1 : 0;
                case "DELETE" -> 2;
                default -> 1;
            };
        }
    }

    private SampleEvents() {
    }

    /**
     * Every file of the folder, tied to its function and route, in the story's order.
     *
     * @throws IllegalStateException when a file is named after no function, or its routeKey is not that function's route
     */
    public static List<Sample> story(Path eventsDirectory, List<FunctionDefinition> functions) {
        List<Sample> samples = new ArrayList<>();
        try (Stream<Path> files = Files.list(eventsDirectory)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                String json = Files.readString(file, StandardCharsets.UTF_8);
                String routeKey = json.replaceAll("(?s).*?\"routeKey\"\\s*:\\s*\"([^\"]+)\".*", "$1");
                // list-slots.nearby.json is a second example for ListSlotsFunction.
                String name = file.getFileName().toString().replaceFirst("\\..*", "");
                FunctionDefinition function = functions.stream()
                        .filter(f -> eventName(f).equals(name))
                        .findFirst()
                        .orElseThrow(() -> new IllegalStateException(file.getFileName() + " is named after no function of the template"));
                FunctionDefinition.Route route = function.routes().stream()
                        .filter(r -> (r.method() + " " + r.path()).equals(routeKey))
                        .findFirst()
                        .orElseThrow(() -> new IllegalStateException(file.getFileName() + ": " + routeKey + " is not a route of " + function.logicalId()));
                samples.add(new Sample(file, function, route, functions.indexOf(function)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        samples.sort(Comparator.comparingInt(Sample::stage)
                .thenComparing(s -> s.stage() == 2 ? -s.route().path().length() : 0)
                .thenComparingInt(Sample::templateOrder));
        return List.copyOf(samples);
    }

    /** {@code CreateUserFunction} → {@code create-user}. */
    private static String eventName(FunctionDefinition function) {
        return function.logicalId().replaceFirst("Function$", "")
                .replaceAll("([a-z0-9])([A-Z])", "$1-$2")
                .toLowerCase(Locale.ROOT);
    }
}
