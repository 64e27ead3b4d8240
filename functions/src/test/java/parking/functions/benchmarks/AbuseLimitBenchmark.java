package parking.functions.benchmarks;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import parking.auth.Passwords;
import parking.functions.testing.Api;
import parking.functions.testing.Events;
import parking.functions.testing.LocalDynamo;
import parking.functions.users.LoginHandler;
import parking.functions.users.UserHandlers;
import parking.testing.StandardOutput;

/**
 * What the abuse limits save: the median time of a login the limits refuse (one read of the
 * counters, no bcrypt) beside a bcrypt check at the template's cost and a failed login they admit,
 * in process against dynalite; then what an hour of 1,000 guesses a second costs, before the limits
 * (every guess a bcrypt check) and after, from one address and from more. Not part of the test
 * suite: run it with {@code bench/abuse-limits}.
 */
@Tag("benchmark")
@ExtendWith(LocalDynamo.class)
class AbuseLimitBenchmark {

    private static final int BCRYPT_WARMUP = 3;
    private static final int BCRYPT_MEASURED = 15;
    private static final int REFUSED_WARMUP = 500;
    private static final int REFUSED_MEASURED = 3_000;
    private static final int GUESSES_PER_SECOND = 1_000;
    private static final long GUESSES_PER_HOUR = GUESSES_PER_SECOND * 3_600L;
    private static final int[] ATTACKER_ADDRESSES = {1, 100, 1_000, 36_000};
    /** The login function's memory: one full vCPU, as template.yaml gives it. */
    private static final int MEMORY_MB = 1769;

    /** What one kind of login request costs: its DynamoDB calls and units, as docs/DATA-MODEL.md states them. */
    private record Kind(String name, double medianMs, int calls, double readUnits, double writeUnits) {

        long billedMs() {
            return Prices.billedMs(MEMORY_MB, medianMs, calls);
        }

        /** USD per guess. */
        double cost() {
            return Prices.perMillion(MEMORY_MB, billedMs(), readUnits, writeUnits) / 1_000_000;
        }
    }

    @Test
    void aRefusedGuessAgainstABcryptCheckAndWhatAnHourOfGuessingCosts() {
        String cost = TemplateCost.bcryptCost();
        LoginHandler login = UserHandlers.login(TemplateCost.services("LoginFunction"));
        String victim = Api.uniqueName("victim");
        String password = "the-right-password";
        APIGatewayV2HTTPResponse created = UserHandlers.create(TemplateCost.services("CreateUserFunction")).handleRequest(
                Events.request("POST", "/users").caller(Events.freshAddress(), "HTTP/1.1").form("username", victim, "password", password).build(), null);
        expect(201, created);

        Passwords passwords = new Passwords(Integer.parseInt(cost));
        String hash = passwords.hash(password);
        double bcryptMs = median(BCRYPT_WARMUP, BCRYPT_MEASURED, () -> {
            if (passwords.matches("a-wrong-password", hash)) {
                throw new AssertionError("bcrypt matched a wrong password");
            }
            return null;
        });
        // Each admitted failure from an address of its own: none of them is refused.
        double admittedMs = median(BCRYPT_WARMUP, BCRYPT_MEASURED, () -> expect(401, attempt(login, Events.freshAddress(), victim)));
        String attacker = Events.freshAddress();
        for (int i = 0; i < 10; i++) {
            expect(401, attempt(login, attacker, victim));
        }
        double[] refusedMs = new double[1];
        // The refusals' log lines and metrics would bury the figures.
        StandardOutput.printedBy(() -> refusedMs[0] = median(REFUSED_WARMUP, REFUSED_MEASURED, () -> expect(429, attempt(login, attacker, victim))));

        Kind before = new Kind("failed login before the limits (GetItem, bcrypt)", admittedMs, 1, 1, 0);
        Kind admitted = new Kind("failed login the limits admit (BatchGetItem, GetItem, bcrypt, 2 UpdateItem)", admittedMs, 4, 3, 2);
        Kind refused = new Kind("login the limits refuse (BatchGetItem)", refusedMs[0], 1, 2, 0);
        System.err.printf(Locale.ROOT, "Abuse limits: medians in process on this machine's core (one full vCPU, as the login function's %d MB),"
                        + " DynamoDB = dynalite on loopback; bcrypt cost %s; %d bcrypt rounds after %d, %d refusals after %d.%n%n",
                MEMORY_MB, cost, BCRYPT_MEASURED, BCRYPT_WARMUP, REFUSED_MEASURED, REFUSED_WARMUP);
        System.err.println("| Request | p50 ms | billed ms | read units | write units | $ per million |");
        System.err.println("| --- | ---: | ---: | ---: | ---: | ---: |");
        System.err.printf(Locale.ROOT, "| bcrypt check alone | %.1f | | | | |%n", bcryptMs);
        for (Kind kind : List.of(before, admitted, refused)) {
            System.err.printf(Locale.ROOT, "| %s | %.2f | %d | %.0f | %.0f | %.2f |%n", kind.name(), kind.medianMs(), kind.billedMs(),
                    kind.readUnits(), kind.writeUnits(), kind.cost() * 1_000_000);
        }
        System.err.printf(Locale.ROOT, "%nA refused guess takes %.1f%% of a bcrypt check's time and costs %.0f%% of a guess before the limits.%n%n",
                refusedMs[0] / bcryptMs * 100, refused.cost() / before.cost() * 100);

        System.err.printf(Locale.ROOT, "An hour of %,d guesses a second (%,d guesses) reaching the login function (billed ms = p50 + %.0f ms a"
                        + " DynamoDB call; the address limit lets 100 an hour through per address, at its default):%n%n",
                GUESSES_PER_SECOND, GUESSES_PER_HOUR, Prices.DYNAMO_CALL_MS);
        System.err.println("| Attack | guesses checked by bcrypt | guesses refused | USD per hour |");
        System.err.println("| --- | ---: | ---: | ---: |");
        System.err.printf(Locale.ROOT, "| before the limits, any number of addresses | %,d | 0 | %.2f |%n", GUESSES_PER_HOUR, GUESSES_PER_HOUR * before.cost());
        for (int addresses : ATTACKER_ADDRESSES) {
            long checked = Math.min(GUESSES_PER_HOUR, addresses * 100L);
            long refusedGuesses = GUESSES_PER_HOUR - checked;
            System.err.printf(Locale.ROOT, "| after, from %,d address%s | %,d | %,d | %.2f |%n", addresses, addresses == 1 ? "" : "es", checked,
                    refusedGuesses, checked * admitted.cost() + refusedGuesses * refused.cost());
        }
    }

    private static APIGatewayV2HTTPResponse attempt(LoginHandler login, String address, String username) {
        return login.handleRequest(Events.request("POST", "/users/login").caller(address, "HTTP/1.1")
                .form("username", username, "password", "a-wrong-password").build(), null);
    }

    private static Void expect(int status, APIGatewayV2HTTPResponse response) {
        if (response.getStatusCode() != status) {
            throw new AssertionError("expected " + status + ", got " + response.getStatusCode() + " " + response.getBody());
        }
        return null;
    }

    /** The median milliseconds of {@code measured} runs after {@code warmup}. */
    private static double median(int warmup, int measured, Supplier<Void> run) {
        List<Long> nanos = new ArrayList<>();
        for (int i = 0; i < warmup + measured; i++) {
            long start = System.nanoTime();
            run.get();
            if (i >= warmup) {
                nanos.add(System.nanoTime() - start);
            }
        }
        return nanos.stream().sorted().toList().get(measured / 2) / 1e6;
    }
}
