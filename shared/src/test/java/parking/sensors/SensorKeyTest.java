package parking.sensors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SensorKeyTest {

    @Test
    void aNewKeyIsPskAnd43Base64urlCharactersOf256Bits() {
        String key = SensorKey.random().reveal();

        assertTrue(key.matches("psk_[A-Za-z0-9_-]{43}"), key);
        assertEquals(32, Base64.getUrlDecoder().decode(key.substring(4)).length);
    }

    @Test
    void keysDoNotRepeat() {
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            keys.add(SensorKey.random().reveal());
        }

        assertEquals(1000, keys.size());
    }

    @Test
    void aKeyParsesBackToItself() {
        SensorKey key = SensorKey.random();

        assertEquals(key.reveal(), SensorKey.parse(key.reveal()).orElseThrow().reveal());
    }

    @Test
    void valuesWithoutAKeysShapeDoNotParse() {
        String body = "A".repeat(43);
        for (String raw : new String[] {"", "psk_", "psk_" + body.substring(1), "psk_" + body + "A", "PSK_" + body,
                "psk_" + body.substring(1) + "=", "psk_" + body.substring(1) + "+", " psk_" + body,
                "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl"}) {
            assertFalse(SensorKey.parse(raw).isPresent(), raw);
        }
    }

    @Test
    void theHashIsSha256InBase64urlAndDiffersFromTheKey() {
        SensorKey key = SensorKey.parse("psk_" + "A".repeat(43)).orElseThrow();

        // Computed apart from Java: printf 'psk_%s' $(printf 'A%.0s' {1..43}) | sha256sum, as base64url without padding.
        assertEquals("Iq_yT_hBWTwp0MPz2KdksGHdQYxanlF613jTmt8VTsA", key.hash());
        assertNotEquals(key.hash(), SensorKey.random().hash());
    }

    @Test
    void toStringNeverShowsTheKey() {
        SensorKey key = SensorKey.random();

        assertFalse(key.toString().contains(key.reveal().substring(4, 12)));
    }
}
