package parking.functions.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static parking.functions.limits.LimitedClients.PASSWORD;
import static parking.functions.limits.LimitedClients.WRONG;
import static parking.functions.limits.LimitedClients.assertTooManyRequests;
import static parking.functions.testing.ResponseAssertions.assertMessage;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Duration;
import java.util.Collections;
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
 * The contract's limit on one address across accounts: failed logins plus accounts created, 100 in
 * a window of one hour that opens at the first, then 429 on both routes from that address until
 * the window ends. The template's defaults, on a test clock.
 */
@ExtendWith(LocalDynamo.class)
class AddressLimitsTest {

    private final LimitedClients clients = new LimitedClients();

    /** Fifty accounts created and fifty failed logins (five on each of ten accounts) from {@code address}. */
    private void reachTheAddressLimit(String address) {
        for (int i = 0; i < 50; i++) {
            assertEquals(201, clients.register(address, Api.uniqueName("flood")).getStatusCode());
        }
        for (int account = 0; account < 10; account++) {
            String name = Api.uniqueName("target");
            for (int i = 0; i < 5; i++) {
                assertMessage(401, "bad credentials", clients.login(address, name, WRONG));
            }
        }
    }

    @Test
    void aHundredCreationsAndFailuresFromOneAddressRefuseItsRegistrations() {
        String address = Events.freshAddress();

        reachTheAddressLimit(address);

        assertTooManyRequests(3600, clients.register(address, Api.uniqueName("one-more")));
    }

    @Test
    void aHundredCreationsAndFailuresFromOneAddressRefuseItsLoginsOfAnyAccount() {
        String name = Api.uniqueName("owner");
        Api.register(name, PASSWORD);
        String address = Events.freshAddress();

        reachTheAddressLimit(address);

        assertTooManyRequests(3600, clients.login(address, name, PASSWORD));
    }

    @Test
    void theHundredthIsAdmittedAndTheNextRefused() {
        String address = Events.freshAddress();
        for (int i = 0; i < 99; i++) {
            assertEquals(201, clients.register(address, Api.uniqueName("many")).getStatusCode());
        }

        assertEquals(201, clients.register(address, Api.uniqueName("last")).getStatusCode());
        assertMessage(429, "too many requests", clients.register(address, Api.uniqueName("refused")));
    }

    @Test
    void otherAddressesAreNotAffected() {
        String name = Api.uniqueName("bystander");
        Api.register(name, PASSWORD);
        reachTheAddressLimit(Events.freshAddress());

        String elsewhere = Events.freshAddress();
        assertEquals(201, clients.register(elsewhere, Api.uniqueName("elsewhere")).getStatusCode());
        assertEquals(200, clients.login(elsewhere, name, PASSWORD).getStatusCode());
    }

    @Test
    void successfulLoginsAndConflictsAreNotCounted() {
        String name = Api.uniqueName("regular");
        Api.register(name, PASSWORD);
        String address = Events.freshAddress();
        for (int i = 0; i < 120; i++) {
            assertEquals(200, clients.login(address, name, PASSWORD).getStatusCode());
        }
        for (int i = 0; i < 120; i++) {
            assertMessage(409, "username conflict", clients.register(address, name.toUpperCase()));
        }

        assertEquals(201, clients.register(address, Api.uniqueName("still-welcome")).getStatusCode());
    }

    @Test
    void retryAfterCountsDownToTheWindowsEndAndTheNextRegistrationIsAdmitted() {
        String address = Events.freshAddress();
        assertEquals(201, clients.register(address, Api.uniqueName("first")).getStatusCode());
        clients.advance(Duration.ofMinutes(40));
        for (int i = 0; i < 99; i++) {
            assertEquals(201, clients.register(address, Api.uniqueName("later")).getStatusCode());
        }

        assertTooManyRequests(20 * 60, clients.register(address, Api.uniqueName("refused")));
        clients.advance(Duration.ofMinutes(20).minusMillis(1));
        assertTooManyRequests(1, clients.register(address, Api.uniqueName("refused")));
        clients.advance(Duration.ofMillis(1));
        assertEquals(201, clients.register(address, Api.uniqueName("admitted")).getStatusCode());
    }

    @Test
    void aRefusedRegistrationReachesNoBcryptAndWritesNoCounter() {
        String address = Events.freshAddress();
        reachTheAddressLimit(address);
        Set<Map<String, AttributeValue>> before = LimitedClients.counters();

        APIGatewayV2HTTPResponse refused = clients.registrationWithoutBcrypt().handleRequest(Events.request("POST", "/users")
                .caller(address, "HTTP/1.1").form("username", Api.uniqueName("refused"), "password", PASSWORD).build(), null);

        assertMessage(429, "too many requests", refused);
        assertEquals(before, LimitedClients.counters());
    }

    @Test
    void aRefusedLoginWithinTheAddressLimitReachesNoBcrypt() {
        String address = Events.freshAddress();
        reachTheAddressLimit(address);

        APIGatewayV2HTTPResponse refused = clients.loginWithoutBcrypt().handleRequest(Events.request("POST", "/users/login")
                .caller(address, "HTTP/1.1").form("username", Api.uniqueName("fresh"), "password", PASSWORD).build(), null);

        assertMessage(429, "too many requests", refused);
    }

    @Test
    void simultaneousCreationsAndFailuresFromOneAddressAreEachCounted() throws Exception {
        String address = Events.freshAddress();

        List<Integer> statuses = LimitedClients.simultaneously(40, i -> i % 2 == 0
                ? clients.register(address, Api.uniqueName("rush")).getStatusCode()
                : clients.login(address, Api.uniqueName("nobody"), WRONG).getStatusCode());

        assertEquals(20, Collections.frequency(statuses, 201));
        assertEquals(20, Collections.frequency(statuses, 401));
        for (int i = 0; i < 60; i++) {
            assertEquals(201, clients.register(address, Api.uniqueName("after")).getStatusCode());
        }
        assertMessage(429, "too many requests", clients.register(address, Api.uniqueName("refused")));
    }

    @Test
    void aRefusalNamesTheAddressLimitInItsLogLine() {
        String address = Events.freshAddress();
        reachTheAddressLimit(address);

        String output = StandardOutput.printedBy(() -> clients.register(address, Api.uniqueName("refused")));

        assertTrue(output.contains("\"Metrics\":[{\"Name\":\"AbuseLimitRefused\",\"Unit\":\"Count\"}]"), output);
        assertTrue(output.contains("\"route\":\"registration\",\"limit\":\"address\",\"source_ip\":\"" + address + "\""), output);
    }

    @Test
    void theAddressLimitFollowsTheFunctionsSettings() {
        LimitedClients stricter = new LimitedClients(Map.of("ADDRESS_ATTEMPT_LIMIT", "2", "ADDRESS_WINDOW_MINUTES", "5"));
        String address = Events.freshAddress();
        assertEquals(201, stricter.register(address, Api.uniqueName("one")).getStatusCode());
        assertMessage(401, "bad credentials", stricter.login(address, Api.uniqueName("nobody"), WRONG));

        assertTooManyRequests(300, stricter.register(address, Api.uniqueName("three")));
    }
}
