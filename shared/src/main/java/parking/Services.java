package parking;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import parking.auth.Passwords;
import parking.auth.Tokens;
import parking.db.Dynamo;
import parking.metrics.BusinessMetrics;
import parking.sensors.SensorRepository;
import parking.sensors.SensorService;
import parking.slots.SlotRepository;
import parking.slots.SlotService;
import parking.users.UserRepository;
import parking.users.UserService;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Wires the services from a function's environment (the variables {@code template.yaml} gives
 * it). Handlers are built on {@link #fromEnvironment()}, once per JVM; tests build their own from
 * the environment the template gives the function under test. Each service is built on first use
 * and kept: a function builds only what its route uses, and only once.
 *
 * <p>Variables: {@code USERS_TABLE}, {@code SLOTS_TABLE}, {@code JWT_SECRET},
 * {@code JWT_LIFETIME_SECONDS} (optional; unset or 0 means tokens never expire),
 * {@code BCRYPT_COST} (default 12), {@code SENSOR_SILENCE_MINUTES} (1-1440; read only by the
 * functions that show slots, see {@link #sensorSilence()}), {@code DYNAMODB_ENDPOINT} (optional,
 * for local engines) and Lambda's own {@code AWS_*}.
 */
public final class Services {

    static final String ISSUER = "parking-api";
    /** The template's bounds of {@code SensorSilenceMinutes}: a minute to a day. */
    private static final long MIN_SILENCE_MINUTES = 1;
    private static final long MAX_SILENCE_MINUTES = 1440;

    private final Map<String, String> env;
    private final Clock clock;
    private final DynamoDbClient client;
    private final DynamoDbEnhancedClient enhanced;
    private Tokens tokens;
    private UserService users;
    private SlotService slots;
    private SensorService sensors;
    private Duration sensorSilence;

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

    public synchronized Tokens tokens() {
        if (tokens == null) {
            tokens = new Tokens(required("JWT_SECRET"), ISSUER, tokenLifetime(), clock);
        }
        return tokens;
    }

    private Optional<Duration> tokenLifetime() {
        return Optional.ofNullable(env.get("JWT_LIFETIME_SECONDS"))
                .filter(s -> !s.isBlank())
                .map(Long::parseLong)
                .filter(seconds -> seconds > 0)
                .map(Duration::ofSeconds);
    }

    private Passwords passwords() {
        String cost = env.get("BCRYPT_COST");
        return new Passwords(cost == null || cost.isBlank() ? Passwords.DEFAULT_COST : Integer.parseInt(cost));
    }

    /** Business events as CloudWatch metrics, written next to the function's logs. */
    private BusinessMetrics metrics() {
        return new BusinessMetrics(() -> System.out, clock);
    }

    public synchronized UserService users() {
        if (users == null) {
            users = new UserService(new UserRepository(client, enhanced, required("USERS_TABLE")), passwords(), tokens(), metrics());
        }
        return users;
    }

    public synchronized SlotService slots() {
        if (slots == null) {
            slots = new SlotService(new SlotRepository(client, enhanced, required("SLOTS_TABLE")), clock, this::sensorSilence, metrics());
        }
        return slots;
    }

    public synchronized SensorService sensors() {
        if (sensors == null) {
            sensors = new SensorService(new SensorRepository(client, required("SLOTS_TABLE")), clock, this::sensorSilence, metrics());
        }
        return sensors;
    }

    /**
     * How long a keyed slot may go without an applied report before its status is unknown. Read
     * when a slot is first shown, so the functions that never show one (deleting a slot, ending
     * a reservation, issuing or revoking a key) need not declare it.
     *
     * @throws IllegalStateException when the variable is unset or outside 1-1440
     */
    private synchronized Duration sensorSilence() {
        if (sensorSilence == null) {
            String raw = required("SENSOR_SILENCE_MINUTES");
            long minutes = Long.parseLong(raw.trim());
            if (minutes < MIN_SILENCE_MINUTES || minutes > MAX_SILENCE_MINUTES) {
                throw new IllegalStateException("SENSOR_SILENCE_MINUTES must be 1-1440, not " + raw);
            }
            sensorSilence = Duration.ofMinutes(minutes);
        }
        return sensorSilence;
    }

    private String required(String name) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("environment variable " + name + " is not set");
        }
        return value;
    }
}
