package parking.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UserRulesTest {

    private static void assertUsernameValid(String raw) {
        assertEquals(Optional.of(raw), UserRules.username(raw), raw);
    }

    private static void assertUsernameInvalid(String raw) {
        assertTrue(UserRules.username(raw).isEmpty(), raw);
    }

    private static void assertPasswordValid(String raw) {
        assertEquals(Optional.of(raw), UserRules.password(raw), raw);
    }

    private static void assertPasswordInvalid(String raw) {
        assertTrue(UserRules.password(raw).isEmpty(), raw);
    }

    @Test
    void usernameOfThreeCharactersIsValid() {
        assertUsernameValid("abc");
    }

    @Test
    void usernameShorterThanThreeIsInvalid() {
        assertUsernameInvalid("ab");
        assertUsernameInvalid("");
    }

    @Test
    void usernameOfThirtyTwoCharactersIsValid() {
        assertUsernameValid("a".repeat(32));
    }

    @Test
    void usernameLongerThanThirtyTwoIsInvalid() {
        assertUsernameInvalid("a".repeat(33));
    }

    @Test
    void usernameMayUseEveryAllowedCharacter() {
        assertUsernameValid("ABCDEFGHIJKLMNOPQRSTUVWXYZ");
        assertUsernameValid("abcdefghijklmnopqrstuvwxyz");
        assertUsernameValid("0123456789");
        assertUsernameValid("_.-");
    }

    @Test
    void usernameIsKeptAsGiven() {
        assertUsernameValid("Alice.Smith-2_x");
    }

    @Test
    void usernameWithUnicodeLettersIsInvalid() {
        assertUsernameInvalid("josé");
        assertUsernameInvalid("Ålice");
        assertUsernameInvalid("ｆｕｌｌ");
        assertUsernameInvalid("user٣");
    }

    @Test
    void usernameWithSpacesOrPunctuationIsInvalid() {
        assertUsernameInvalid("ali ce");
        assertUsernameInvalid(" alice");
        assertUsernameInvalid("alice\n");
        assertUsernameInvalid("al@ce");
        assertUsernameInvalid("al+ce");
        assertUsernameInvalid("al/ce");
    }

    @Test
    void usernameWithNulIsInvalid() {
        assertUsernameInvalid("ali\0ce");
    }

    @Test
    void passwordOfEightBytesIsValid() {
        assertPasswordValid("12345678");
    }

    @Test
    void passwordOfSevenBytesIsInvalid() {
        assertPasswordInvalid("1234567");
        assertPasswordInvalid("");
    }

    @Test
    void passwordOfSeventyTwoBytesIsValid() {
        assertPasswordValid("p".repeat(72));
    }

    @Test
    void passwordOfSeventyThreeBytesIsInvalid() {
        assertPasswordInvalid("p".repeat(73));
    }

    @Test
    void passwordLengthCountsUtf8BytesNotCharacters() {
        String fourTwoByteCharacters = "éééé";
        assertEquals(8, fourTwoByteCharacters.getBytes(StandardCharsets.UTF_8).length);
        assertPasswordValid(fourTwoByteCharacters);

        String threeTwoByteCharactersAndOne = "ééé1";
        assertEquals(7, threeTwoByteCharactersAndOne.getBytes(StandardCharsets.UTF_8).length);
        assertPasswordInvalid(threeTwoByteCharactersAndOne);
    }

    @Test
    void passwordOfEighteenFourByteCharactersIsSeventyTwoBytesAndValid() {
        String emoji = "\uD83D\uDE97".repeat(18);
        assertEquals(36, emoji.length());
        assertEquals(72, emoji.getBytes(StandardCharsets.UTF_8).length);
        assertPasswordValid(emoji);
    }

    @Test
    void passwordWhoseLastMultiByteCharacterCrossesSeventyTwoBytesIsInvalid() {
        String crossing = "p".repeat(70) + "€";
        assertEquals(73, crossing.getBytes(StandardCharsets.UTF_8).length);
        assertPasswordInvalid(crossing);
    }

    @Test
    void passwordOfTwentyFiveThreeByteCharactersIsInvalidThoughShortInCharacters() {
        String euros = "€".repeat(25);
        assertEquals(75, euros.getBytes(StandardCharsets.UTF_8).length);
        assertPasswordInvalid(euros);
    }

    @Test
    void passwordWithNulIsInvalid() {
        assertPasswordInvalid("secret" + (char) 0 + "123");
        assertPasswordInvalid("\0secret123");
    }

    @Test
    void passwordMayContainSpacesAndAnyPrintableCharacter() {
        assertPasswordValid("correct horse battery staple!");
        assertPasswordValid("pässwörd€😀");
    }
}
