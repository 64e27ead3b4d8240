package parking.functions.benchmarks;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import parking.functions.testing.Api;
import parking.functions.testing.Events;
import parking.functions.testing.LocalDynamo;
import parking.functions.users.UserHandlers;

/**
 * Whether login time tells a known username from an unknown one: the median time of a wrong
 * password for a known user against that of an unknown user, at the template's bcrypt cost,
 * alternating the two so that machine noise hits both alike. Each attempt comes from an address of
 * its own, so the abuse limits (ten failures of a username from one address) never answer in
 * bcrypt's place. It prints its figures; it is not part of the test suite (run it with
 * {@code bench/login-timing}).
 */
@Tag("benchmark")
@ExtendWith(LocalDynamo.class)
class LoginTimingBenchmark {

    private static final int WARMUP = 5;
    private static final int ROUNDS = 31;

    @Test
    void unknownAndKnownUsersTakeTheSameTimeToRefuse() {
        String cost = TemplateCost.bcryptCost();
        var login = UserHandlers.login(TemplateCost.services("LoginFunction"));
        String known = Api.uniqueName("known");
        APIGatewayV2HTTPResponse created = UserHandlers.create(TemplateCost.services("CreateUserFunction")).handleRequest(
                Events.request("POST", "/users").form("username", known, "password", "the-right-password").build(), null);
        if (created.getStatusCode() != 201) {
            throw new AssertionError("could not register " + known);
        }

        List<Long> knownNanos = new ArrayList<>();
        List<Long> unknownNanos = new ArrayList<>();
        for (int round = 0; round < WARMUP + ROUNDS; round++) {
            long knownTime = time(login, known);
            long unknownTime = time(login, "nobody-" + round);
            if (round >= WARMUP) {
                knownNanos.add(knownTime);
                unknownNanos.add(unknownTime);
            }
        }
        double knownMedian = median(knownNanos) / 1e6;
        double unknownMedian = median(unknownNanos) / 1e6;
        double ratio = unknownMedian / knownMedian;
        System.err.printf("login timing at bcrypt cost %s, %d rounds: known user (wrong password) median %.1f ms, "
                        + "unknown user median %.1f ms, ratio %.3f -> %s (goal 0.9-1.1)%n",
                cost, ROUNDS, knownMedian, unknownMedian, ratio, ratio >= 0.9 && ratio <= 1.1 ? "within" : "OUTSIDE");
    }

    private static long time(parking.functions.users.LoginHandler login, String username) {
        long start = System.nanoTime();
        APIGatewayV2HTTPResponse response = login.handleRequest(Events.request("POST", "/users/login")
                .caller(Events.freshAddress(), "HTTP/1.1").form("username", username, "password", "a-wrong-password").build(), null);
        long elapsed = System.nanoTime() - start;
        if (response.getStatusCode() != 401) {
            throw new AssertionError("expected 401, got " + response.getStatusCode());
        }
        return elapsed;
    }

    private static double median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
