package parking.functions.localapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import parking.functions.testing.Api;

/**
 * The contract's abuse limits through the local API at the template's defaults (10 failed logins
 * per username and address, 100 failures and creations per address), with attacker and bystanders
 * on different loopback addresses at once: the local API fills {@code requestContext.http.sourceIp}
 * from the connection, as API Gateway does, so each address is a client of its own.
 */
@ExtendWith(SharedLocalApi.class)
class AbuseLimitsOverHttpIT {

    private static final String PASSWORD = "secret123";
    private static final String WRONG = "wrong-password";
    private static Http http;

    @BeforeAll
    static void connect() {
        http = SharedLocalApi.http();
    }

    /** A user registered from an address of its own. */
    private static String registered(String prefix) {
        String name = Api.uniqueName(prefix);
        assertEquals(201, http.fromNewAddress().postForm("/users", "username", name, "password", PASSWORD).statusCode());
        return name;
    }

    private static void failTenTimes(Http client, String username) {
        for (int i = 0; i < 10; i++) {
            HttpResponse<String> response = client.postForm("/users/login", "username", username, "password", WRONG);
            assertEquals(401, response.statusCode(), response.body());
        }
    }

    private static void assertTooManyRequests(HttpResponse<String> response, long atMostSeconds) {
        assertEquals(429, response.statusCode(), response.body());
        assertEquals("too many requests", response.body());
        assertEquals("text/plain; charset=utf-8", response.headers().firstValue("content-type").orElseThrow());
        long retryAfter = Long.parseLong(response.headers().firstValue("retry-after").orElseThrow());
        assertTrue(retryAfter >= 1 && retryAfter <= atMostSeconds, "Retry-After " + retryAfter);
    }

    @Test
    void anAttackerLockedOutOfOneAccountLeavesItsOwnerAndTheAttackersOtherAccountsAlone() {
        String victim = registered("victim");
        String attackersOwn = registered("mallory");
        Http attacker = http.fromNewAddress();
        Http owner = http.fromNewAddress();

        failTenTimes(attacker, victim);

        assertTooManyRequests(attacker.postForm("/users/login", "username", victim, "password", PASSWORD), 15 * 60);
        assertEquals(200, owner.postForm("/users/login", "username", victim, "password", PASSWORD).statusCode());
        assertEquals(200, attacker.postForm("/users/login", "username", attackersOwn, "password", PASSWORD).statusCode());
        assertTooManyRequests(attacker.postForm("/users/login", "username", victim.toUpperCase(), "password", PASSWORD), 15 * 60);
    }

    @Test
    void aHundredFailuresAndCreationsFromOneAddressAcrossAccountsRefuseBothRoutesThereAndNowhereElse() {
        String bystander = registered("bystander");
        Http flood = http.fromNewAddress();
        for (int i = 0; i < 50; i++) {
            assertEquals(201, flood.postForm("/users", "username", Api.uniqueName("bulk"), "password", PASSWORD).statusCode());
        }
        for (int account = 0; account < 10; account++) {
            String target = registered("target");
            for (int i = 0; i < 5; i++) {
                assertEquals(401, flood.postForm("/users/login", "username", target, "password", WRONG).statusCode());
            }
        }

        assertTooManyRequests(flood.postForm("/users", "username", Api.uniqueName("one-more"), "password", PASSWORD), 3600);
        assertTooManyRequests(flood.postForm("/users/login", "username", bystander, "password", PASSWORD), 3600);
        Http elsewhere = http.fromNewAddress();
        assertEquals(200, elsewhere.postForm("/users/login", "username", bystander, "password", PASSWORD).statusCode());
        assertEquals(201, elsewhere.postForm("/users", "username", Api.uniqueName("welcome"), "password", PASSWORD).statusCode());
    }

    @Test
    void forwardingHeadersCannotMoveALockedOutClientToAnotherAddress() {
        String victim = registered("victim");
        Http attacker = http.fromNewAddress();
        failTenTimes(attacker, victim);

        Http disguised = attacker.header("X-Forwarded-For", "203.0.113.50")
                .header("Forwarded", "for=203.0.113.51;proto=https")
                .header("X-Real-IP", "203.0.113.52")
                .header("True-Client-IP", "203.0.113.53")
                .header("CF-Connecting-IP", "203.0.113.54")
                .header("X-Client-IP", "203.0.113.55");

        assertTooManyRequests(disguised.postForm("/users/login", "username", victim, "password", PASSWORD), 15 * 60);
    }

    @Test
    void forwardingHeadersCannotLockOutTheAddressTheyName() {
        String victim = registered("victim");
        String ownersAddress = Http.freshLoopback();
        Http framer = http.fromNewAddress().header("X-Forwarded-For", ownersAddress).header("X-Real-IP", ownersAddress)
                .header("Forwarded", "for=" + ownersAddress);

        failTenTimes(framer, victim);

        assertEquals(200, http.from(ownersAddress).postForm("/users/login", "username", victim, "password", PASSWORD).statusCode());
    }
}
