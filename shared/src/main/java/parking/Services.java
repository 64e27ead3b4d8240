package parking;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import parking.auth.Passwords;
import parking.auth.Tokens;
import parking.db.Dynamo;
import parking.slots.SlotRepository;
import parking.slots.SlotService;
import parking.users.UserRepository;
import parking.users.UserService;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Wires the services from a function's environment (the variables {@code template.yaml} gives
 * it). Handlers ask {@link #fromEnvironment()} once per JVM; tests build their own from the
 * environment the template gives the function under test.
 *
 * <p>Variables: {@code USERS_TABLE}, {@code SLOTS_TABLE}, {@code JWT_SECRET},
 * {@code JWT_LIFETIME_SECONDS} (optional; unset or 0 means tokens never expire),
 * {@code BCRYPT_COST} (default 12), {@code DYNAMODB_ENDPOINT} (optional, for local engines) and
 * Lambda's own {@code AWS_*}.
 */
public final class Services {

    static final String ISSUER = "parking-api";

    private final Map<String, String> env;
    private final Clock clock;
    private final DynamoDbClient client;
    private final DynamoDbEnhancedClient enhanced;

    public Services(Map<String, String> env) {
        this(env, Clock.systemUTC());
    }

    /** With another clock than the system's, for tests that move time (reservations expiring). */
    public Services(Map<String, String> env, Clock clock) {
        this.env = Map.copyOf(env);
        this.clock = clock;
        this.client = Dynamo.client(this.env);
        this.enhanced = DynamoDbEnhancedClient.builder().dynamoDbClient(client).build();
    }

    private static final class FromEnvironment {
        static final Services INSTANCE = new Services(System.getenv());
    }

    /** The JVM's one instance, built on first use from the process environment. */
    public static Services fromEnvironment() {
        return FromEnvironment.INSTANCE;
    }

    public Tokens tokens() {
        Optional<Duration> lifetime = Optional.ofNullable(env.get("JWT_LIFETIME_SECONDS"))
                .filter(s -> !s.isBlank())
                .map(Long::parseLong)
                .filter(seconds -> seconds > 0)
                .map(Duration::ofSeconds);
        return new Tokens(required("JWT_SECRET"), ISSUER, lifetime, clock);
    }

    public Passwords passwords() {
        String cost = env.get("BCRYPT_COST");
        return new Passwords(cost == null || cost.isBlank() ? Passwords.DEFAULT_COST : Integer.parseInt(cost));
    }

    public UserService users() {
        return new UserService(new UserRepository(client, enhanced, required("USERS_TABLE")), passwords(), tokens());
    }

    public SlotService slots() {
        return new SlotService(new SlotRepository(client, enhanced, required("SLOTS_TABLE")), clock);
    }

    private String required(String name) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("environment variable " + name + " is not set");
        }
        return value;
    }
}
