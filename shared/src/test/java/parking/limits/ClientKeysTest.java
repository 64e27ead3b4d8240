package parking.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class ClientKeysTest {

    @Test
    void aUsernameInAnyLetterCaseIsOneAccount() {
        assertEquals(ClientKeys.pair("Alice", "203.0.113.7"), ClientKeys.pair("aLICE", "203.0.113.7"));
    }

    @Test
    void thePairKeyHoldsTheAddressButNotTheUsername() {
        String key = ClientKeys.pair("alice", "203.0.113.7");

        assertEquals("login#203.0.113.7#" + ClientKeys.usernameHash("alice"), key);
        assertFalse(key.contains("alice"));
        assertEquals(32, ClientKeys.usernameHash("alice").length());
    }

    @Test
    void addressesAndKeySpacesAreKeptApart() {
        assertNotEquals(ClientKeys.pair("alice", "203.0.113.7"), ClientKeys.pair("alice", "203.0.113.8"));
        assertNotEquals(ClientKeys.address("203.0.113.7"), ClientKeys.address("2001:db8::7"));
        assertFalse(ClientKeys.pair("alice", "203.0.113.7").startsWith("address#"));
    }
}
