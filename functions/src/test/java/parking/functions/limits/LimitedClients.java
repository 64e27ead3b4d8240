package parking.functions.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static parking.functions.testing.ResponseAssertions.assertMessage;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import parking.Services;
import parking.auth.Passwords;
import parking.functions.testing.Events;
import parking.functions.testing.LocalDynamo;
import parking.functions.testing.Priming;
import parking.functions.testing.TestClock;
import parking.functions.users.CreateUserHandler;
import parking.functions.users.LoginHandler;
import parking.functions.users.UserHandlers;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Clients of the two bcrypt routes, each from the address it names, through the real handlers on
 * one {@link TestClock}, with the environment the template gives the functions: the contract's
 * default limits unless a test sets others.
 */
final class LimitedClients {

    static final String PASSWORD = "secret123";
    static final String WRONG = "wrong-password";

    private final TestClock clock = new TestClock();
    private final CreateUserHandler create;
    private final LoginHandler login;

    LimitedClients() {
        this(Map.of());
    }

    /** With these variables over the template's (other limits). */
    LimitedClients(Map<String, String> overrides) {
        this.create = UserHandlers.create(services("CreateUserFunction", overrides, clock));
        this.login = UserHandlers.login(services("LoginFunction", overrides, clock));
    }

    private static Services services(String function, Map<String, String> overrides, TestClock clock) {
        Map<String, String> env = new HashMap<>(LocalDynamo.environment(function));
        env.putAll(overrides);
        return new Services(env, clock);
    }

    TestClock clock() {
        return clock;
    }

    void advance(Duration duration) {
        clock.advance(duration);
    }

    APIGatewayV2HTTPResponse register(String address, String username) {
        return create.handleRequest(Events.request("POST", "/users").caller(address, "HTTP/1.1")
                .form("username", username, "password", PASSWORD).build(), null);
    }

    APIGatewayV2HTTPResponse login(String address, String username, String password) {
        return login.handleRequest(Events.request("POST", "/users/login").caller(address, "HTTP/1.1")
                .form("username", username, "password", password).build(), null);
    }

    /**
     * A login handler on this clock whose bcrypt fails the test when reached: it proves a request
     * was answered without a bcrypt check.
     */
    LoginHandler loginWithoutBcrypt() {
        return UserHandlers.login(new Services(LocalDynamo.environment("LoginFunction"), clock, new NoBcrypt()));
    }

    CreateUserHandler registrationWithoutBcrypt() {
        return UserHandlers.create(new Services(LocalDynamo.environment("CreateUserFunction"), clock, new NoBcrypt()));
    }

    /** {@code 429 too many requests}, with {@code Retry-After} in whole seconds. */
    static void assertTooManyRequests(long retryAfter, APIGatewayV2HTTPResponse response) {
        assertMessage(429, "too many requests", response);
        assertEquals(Long.toString(retryAfter), response.getHeaders().get("Retry-After"));
    }

    /** Every counter as stored, to show that a request wrote none. */
    static Set<Map<String, AttributeValue>> counters() {
        return Priming.items("AbuseCountersTable");
    }

    /** bcrypt that must not run: any call is an {@link AssertionError}, which no handler turns into an answer. */
    private static final class NoBcrypt extends Passwords {

        NoBcrypt() {
            super(4);
        }

        @Override
        public String hash(String password) {
            throw new AssertionError("bcrypt hash reached");
        }

        @Override
        public boolean matches(String password, String hash) {
            throw new AssertionError("bcrypt check reached");
        }

        @Override
        public boolean matchesNothing(String password) {
            throw new AssertionError("bcrypt check reached");
        }
    }

    /** One of {@link #simultaneously}'s attempts, by its number: the status it got. */
    interface Attempt {
        int status(int attempt);
    }

    /** Runs {@code count} attempts on as many threads, released together; their statuses in order. */
    static List<Integer> simultaneously(int count, Attempt attempt) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> futures = IntStream.range(0, count).mapToObj(i -> pool.submit(() -> {
                start.await();
                return attempt.status(i);
            })).toList();
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> future : futures) {
                statuses.add(future.get());
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }
}
