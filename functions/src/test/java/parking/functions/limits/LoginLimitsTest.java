package parking.functions.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static parking.functions.limits.LimitedClients.PASSWORD;
import static parking.functions.limits.LimitedClients.WRONG;
import static parking.functions.limits.LimitedClients.assertTooManyRequests;
import static parking.functions.testing.ResponseAssertions.assertMessage;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import parking.functions.testing.Api;
import parking.functions.testing.Events;
import parking.functions.testing.LocalDynamo;
import parking.testing.StandardOutput;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The contract's limit on one account from one address: 10 failed logins in a window of 15
 * minutes that opens at the first, then 429 for that username from that address until the window
 * ends, without a bcrypt check. The template's defaults, on a test clock.
 */
@ExtendWith(LocalDynamo.class)
class LoginLimitsTest {

    private final LimitedClients clients = new LimitedClients();

    /** A registered user, and an address that has not been used yet. */
    private String newUser() {
        String name = Api.uniqueName("victim");
        Api.register(name, PASSWORD);
        return name;
    }

    private void fail(String address, String username, int times) {
        for (int i = 0; i < times; i++) {
            assertMessage(401, "bad credentials", clients.login(address, username, WRONG));
        }
    }

    @Test
    void tenFailuresAreAnsweredBadCredentialsAndTheEleventhAttemptTooManyRequests() {
        String name = newUser();
        String address = Events.freshAddress();

        fail(address, name, 10);

        assertTooManyRequests(15 * 60, clients.login(address, name, WRONG));
    }

    @Test
    void aRefusedLoginIsRefusedWithTheRightPasswordToo() {
        String name = newUser();
        String address = Events.freshAddress();
        fail(address, name, 10);

        assertMessage(429, "too many requests", clients.login(address, name, PASSWORD));
    }

    @Test
    void retryAfterCountsDownToTheEndOfTheWindowThatOpenedAtTheFirstFailure() {
        String name = newUser();
        String address = Events.freshAddress();
        fail(address, name, 1);
        clients.advance(Duration.ofMinutes(10));
        fail(address, name, 9);

        assertTooManyRequests(300, clients.login(address, name, PASSWORD));
        clients.advance(Duration.ofSeconds(299).plusMillis(1));
        assertTooManyRequests(1, clients.login(address, name, PASSWORD));
    }

    @Test
    void theFirstAttemptAtTheWindowsEndIsAdmitted() {
        String name = newUser();
        String address = Events.freshAddress();
        fail(address, name, 10);

        clients.advance(Duration.ofMinutes(15));

        assertEquals(200, clients.login(address, name, PASSWORD).getStatusCode());
    }

    @Test
    void aFailureAfterTheWindowsEndOpensANewWindowCountedFromOne() {
        String name = newUser();
        String address = Events.freshAddress();
        fail(address, name, 10);
        clients.advance(Duration.ofMinutes(16));

        fail(address, name, 10);

        assertTooManyRequests(15 * 60, clients.login(address, name, WRONG));
    }

    @Test
    void aSuccessfulLoginClearsTheCountOfItsUsernameAndAddress() {
        String name = newUser();
        String address = Events.freshAddress();
        fail(address, name, 9);

        assertEquals(200, clients.login(address, name, PASSWORD).getStatusCode());

        fail(address, name, 10);
        assertMessage(429, "too many requests", clients.login(address, name, WRONG));
    }

    @Test
    void usernamesAreCountedInAnyLetterCase() {
        String name = newUser();
        String address = Events.freshAddress();
        for (int i = 0; i < 10; i++) {
            String spelling = i % 2 == 0 ? name.toUpperCase() : name.toLowerCase();
            assertMessage(401, "bad credentials", clients.login(address, spelling, WRONG));
        }

        assertMessage(429, "too many requests", clients.login(address, name, PASSWORD));
    }

    @Test
    void theSameUsernameFromAnotherAddressIsNotAffected() {
        String name = newUser();
        String attacker = Events.freshAddress();
        fail(attacker, name, 10);

        assertEquals(200, clients.login(Events.freshAddress(), name, PASSWORD).getStatusCode());
        assertMessage(429, "too many requests", clients.login(attacker, name, PASSWORD));
    }

    @Test
    void anotherUsernameFromTheLockedOutAddressIsNotAffected() {
        String victim = newUser();
        String other = newUser();
        String address = Events.freshAddress();
        fail(address, victim, 10);

        assertEquals(200, clients.login(address, other, PASSWORD).getStatusCode());
    }

    @Test
    void unknownUsernamesAreCountedLikeKnownOnes() {
        String address = Events.freshAddress();
        String nobody = Api.uniqueName("nobody");
        fail(address, nobody, 10);

        assertMessage(429, "too many requests", clients.login(address, nobody, WRONG));
    }

    @Test
    void formErrorsAreAnsweredBeforeTheLimit() {
        String name = newUser();
        String address = Events.freshAddress();
        fail(address, name, 10);

        assertMessage(400, "invalid fields [password]", clients.login(address, name, "short"));
        assertMessage(400, "missing fields [password]", clients.loginWithoutBcrypt().handleRequest(Events.request("POST", "/users/login")
                .caller(address, "HTTP/1.1").form("username", name).build(), null));
    }

    @Test
    void formErrorsAreNotCounted() {
        String name = newUser();
        String address = Events.freshAddress();
        for (int i = 0; i < 20; i++) {
            assertEquals(400, clients.login(address, name, "short").getStatusCode());
        }

        fail(address, name, 10);
    }

    @Test
    void aRefusedLoginReachesNoBcryptAndWritesNoCounter() {
        String name = newUser();
        String address = Events.freshAddress();
        fail(address, name, 10);
        Set<Map<String, AttributeValue>> before = LimitedClients.counters();

        APIGatewayV2HTTPResponse refused = clients.loginWithoutBcrypt().handleRequest(Events.request("POST", "/users/login")
                .caller(address, "HTTP/1.1").form("username", name, "password", WRONG).build(), null);

        assertMessage(429, "too many requests", refused);
        assertEquals(before, LimitedClients.counters());
    }

    @Test
    void aSuccessWithNoFailuresToClearWritesNoCounter() {
        String name = newUser();
        Set<Map<String, AttributeValue>> before = LimitedClients.counters();

        assertEquals(200, clients.login(Events.freshAddress(), name, PASSWORD).getStatusCode());

        assertEquals(before, LimitedClients.counters());
    }

    @Test
    void tenSimultaneousFailuresOfOneAccountAreEachCounted() throws Exception {
        String name = newUser();
        String address = Events.freshAddress();

        List<Integer> statuses = LimitedClients.simultaneously(10, i -> clients.login(address, name, WRONG).getStatusCode());

        assertEquals(List.of(401, 401, 401, 401, 401, 401, 401, 401, 401, 401), statuses);
        assertMessage(429, "too many requests", clients.login(address, name, PASSWORD));
    }

    @Test
    void simultaneousFailuresAfterAWindowEndedOpenOneWindowThatCountsThemAll() throws Exception {
        String name = newUser();
        String address = Events.freshAddress();
        fail(address, name, 10);
        clients.advance(Duration.ofMinutes(20));

        LimitedClients.simultaneously(10, i -> clients.login(address, name, WRONG).getStatusCode());

        assertTooManyRequests(15 * 60, clients.login(address, name, PASSWORD));
    }

    @Test
    void aRefusalIsCountedAsAMetricAndLoggedWithoutTheUsername() {
        String name = newUser();
        String address = Events.freshAddress();
        fail(address, name, 10);

        String output = StandardOutput.printedBy(() -> clients.login(address, name, WRONG));

        assertTrue(output.contains("\"Metrics\":[{\"Name\":\"AbuseLimitRefused\",\"Unit\":\"Count\"}]"), output);
        assertTrue(output.contains("\"event\":\"abuse_limit_refused\""), output);
        assertTrue(output.contains("\"limit\":\"login_failures\""), output);
        assertTrue(output.contains("\"source_ip\":\"" + address + "\""), output);
        assertFalse(output.toLowerCase().contains(name.toLowerCase()), output);
    }

    @Test
    void theLimitsFollowTheFunctionsSettings() {
        LimitedClients stricter = new LimitedClients(Map.of("LOGIN_FAILURE_LIMIT", "3", "LOGIN_FAILURE_WINDOW_MINUTES", "2"));
        String name = newUser();
        String address = Events.freshAddress();
        for (int i = 0; i < 3; i++) {
            assertMessage(401, "bad credentials", stricter.login(address, name, WRONG));
        }

        assertTooManyRequests(120, stricter.login(address, name, PASSWORD));
    }
}
