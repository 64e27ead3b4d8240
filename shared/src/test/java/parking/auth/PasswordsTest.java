package parking.auth;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.IllegalBCryptFormatException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordsTest {

    /** bcrypt's lowest cost, so the suite stays fast; one test uses the default. */
    private static final int FAST = 4;
    private static final String PASSWORD = "correct horse";

    private final Passwords passwords = new Passwords(FAST);

    private static String hashWith(BCrypt.Version version, String password) {
        return new String(BCrypt.with(version).hash(FAST, password.getBytes(StandardCharsets.UTF_8)), StandardCharsets.US_ASCII);
    }

    @Test
    void defaultCostHashIsBcrypt2aAtCostTwelve() {
        String hash = new Passwords(Passwords.DEFAULT_COST).hash(PASSWORD);

        assertTrue(hash.startsWith("$2a$12$"), hash);
        assertEquals(60, hash.length());
    }

    @Test
    void hashCarriesTheConfiguredCost() {
        assertTrue(passwords.hash(PASSWORD).startsWith("$2a$04$"));
    }

    @Test
    void hashNeverContainsThePassword() {
        assertFalse(passwords.hash("secret123").contains("secret123"));
    }

    @Test
    void samePasswordHashesDifferentlyEachTime() {
        assertNotEquals(passwords.hash(PASSWORD), passwords.hash(PASSWORD));
    }

    @Test
    void hashMatchesItsPassword() {
        assertTrue(passwords.matches(PASSWORD, passwords.hash(PASSWORD)));
    }

    @Test
    void hashDoesNotMatchAnotherPassword() {
        assertFalse(passwords.matches("correct horsf", passwords.hash(PASSWORD)));
    }

    @Test
    void passwordsDifferingOnlyInTheSeventySecondByteDoNotMatch() {
        String base = "p".repeat(71);

        assertFalse(passwords.matches(base + "b", passwords.hash(base + "a")));
    }

    @Test
    void multiByteSeventyTwoBytePasswordHashesAndMatches() {
        String emoji = "\uD83D\uDE97".repeat(18);

        assertTrue(passwords.matches(emoji, passwords.hash(emoji)));
    }

    @Test
    void passwordLongerThanSeventyTwoBytesIsRefusedNotTruncated() {
        assertThrows(IllegalArgumentException.class, () -> passwords.hash("p".repeat(73)));
    }

    @Test
    void passwordLongerThanSeventyTwoBytesMatchesNothingAndDoesNotThrow() {
        String hash = passwords.hash("p".repeat(72));

        assertFalse(assertDoesNotThrow(() -> passwords.matches("p".repeat(73), hash)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2a", "2b", "2y"})
    void hashOfEveryContractVersionMatchesItsPassword(String version) {
        BCrypt.Version bcrypt = switch (version) {
            case "2a" -> BCrypt.Version.VERSION_2A;
            case "2b" -> BCrypt.Version.VERSION_2B;
            default -> BCrypt.Version.VERSION_2Y;
        };
        String hash = hashWith(bcrypt, PASSWORD);
        assertTrue(hash.startsWith("$" + version + "$04$"), hash);

        assertTrue(passwords.matches(PASSWORD, hash));
        assertFalse(passwords.matches("wrong password", hash));
    }

    @Test
    void hashOfAnotherCostStillMatches() {
        String cost5 = new Passwords(5).hash(PASSWORD);

        assertTrue(passwords.matches(PASSWORD, cost5));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "garbage", "$2a$04$", "$2a$04$short",
        "$2a$04$lSTuhxdEjTEg9IxmNHECM.1RaEvdzum7mvsKPkwNulv/lB3b0RF.Ox",
        "$2a$04$lSTuhxdEjTEg9IxmNHECM.1RaEvdzum7mvsKPkwNulv/lB3b0RF.",
        "$2a$99$lSTuhxdEjTEg9IxmNHECM.1RaEvdzum7mvsKPkwNulv/lB3b0RF.O",
        "$2a$ab$lSTuhxdEjTEg9IxmNHECM.1RaEvdzum7mvsKPkwNulv/lB3b0RF.O",
        "$2z$04$lSTuhxdEjTEg9IxmNHECM.1RaEvdzum7mvsKPkwNulv/lB3b0RF.O",
        "$1$abcdefgh$abcdefghijklmnopqrstuv",
        "$argon2id$v=19$m=65536,t=3,p=4$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA",
        "$2a$04$lSTuhxdEjTEg9IxmNHECM.1RaEvdzum7mvsKPkwNulv/lB3b0RF€O"})
    void malformedStoredHashDoesNotMatchAndDoesNotThrow(String stored) {
        assertFalse(assertDoesNotThrow(() -> passwords.matches(PASSWORD, stored)));
    }

    @Test
    void matchesNothingIsFalse() {
        assertFalse(passwords.matchesNothing(PASSWORD));
        assertFalse(passwords.matchesNothing(""));
    }

    /*
     * matchesNothing must cost what a real verification costs, or response time tells unknown
     * users from known ones. Timing it would be flaky; what decides its cost is the decoy it
     * verifies against, so these check that bcrypt reads the decoy as a hash at the configured
     * cost (an unreadable one is rejected without any hashing).
     */

    @ParameterizedTest
    @ValueSource(ints = {4, 10, 12, 31})
    void decoyIsAWellFormedHashAtTheConfiguredCost(int cost) throws IllegalBCryptFormatException {
        String decoy = Passwords.decoy(cost);
        BCrypt.HashData parsed = BCrypt.Version.VERSION_2A.parser.parse(decoy.getBytes(StandardCharsets.US_ASCII));

        assertEquals(cost, parsed.cost);
        assertEquals(decoy.length(), passwords.hash(PASSWORD).length());
    }

    @Test
    void decoyIsVerifiedByAFullBcryptComputation() {
        BCrypt.Result result = BCrypt.verifyer().verify(PASSWORD.getBytes(StandardCharsets.UTF_8),
                Passwords.decoy(FAST).getBytes(StandardCharsets.US_ASCII));

        assertTrue(result.validFormat, result.formatErrorMessage);
        assertFalse(result.verified);
        assertEquals(FAST, result.details.cost);
    }

    @ParameterizedTest
    @ValueSource(ints = {Integer.MIN_VALUE, -1, 0, 3, 32, 100})
    void costOutsideFourToThirtyOneIsRefused(int cost) {
        assertThrows(IllegalArgumentException.class, () -> new Passwords(cost));
    }

    @Test
    void costsFourToThirtyOneAreAccepted() {
        assertDoesNotThrow(() -> new Passwords(4));
        assertDoesNotThrow(() -> new Passwords(31));
    }
}
