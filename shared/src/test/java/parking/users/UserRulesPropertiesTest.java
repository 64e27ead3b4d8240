package parking.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import parking.testing.HostileText;

/** The user rules answer every possible text with the value itself or "invalid", and nothing else. */
class UserRulesPropertiesTest {

    private static final String USERNAME_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-";

    @Provide
    Arbitrary<String> hostile() {
        return HostileText.anything();
    }

    @Provide
    Arbitrary<String> usernames() {
        return Arbitraries.strings().withChars(USERNAME_ALPHABET.toCharArray()).ofMinLength(3).ofMaxLength(32);
    }

    /** Text that strict UTF-8 decoding can produce: whole code points, never a lone surrogate. */
    @Provide
    Arbitrary<String> decodableText() {
        return Arbitraries.integers().between(0, Character.MAX_CODE_POINT)
                .filter(cp -> Character.getType(cp) != Character.SURROGATE)
                .list().ofMaxSize(90)
                .map(cps -> new String(cps.stream().mapToInt(Integer::intValue).toArray(), 0, cps.size()));
    }

    @Provide
    Arbitrary<String> usernamesWithAStrayCharacter() {
        Arbitrary<Character> stray = Arbitraries.chars().all().filter(c -> USERNAME_ALPHABET.indexOf(c) < 0);
        return Combinators.combine(usernames(), stray, Arbitraries.integers().between(0, 32))
                .as((name, c, at) -> name.substring(0, Math.min(at, name.length())) + c + name.substring(Math.min(at, name.length())));
    }

    @Property(tries = 2000)
    void aUsernameIsAcceptedAsGivenOrRefusedNeverAltered(@ForAll("hostile") String raw) {
        Optional<String> username = UserRules.username(raw);

        username.ifPresent(accepted -> {
            assertEquals(raw, accepted);
            assertTrue(accepted.length() >= 3 && accepted.length() <= 32, accepted);
            assertTrue(accepted.chars().allMatch(c -> USERNAME_ALPHABET.indexOf(c) >= 0), accepted);
        });
    }

    @Property(tries = 500)
    void everyNameOfThreeTo32AllowedCharactersIsAccepted(@ForAll("usernames") String name) {
        assertEquals(Optional.of(name), UserRules.username(name));
    }

    @Property(tries = 500)
    void oneCharacterOutsideTheAlphabetMakesAUsernameInvalid(@ForAll("usernamesWithAStrayCharacter") String name) {
        assertEquals(Optional.empty(), UserRules.username(name));
    }

    @Property(tries = 2000)
    void aPasswordIsAcceptedAsGivenOrRefusedNeverAltered(@ForAll("hostile") String raw) {
        UserRules.password(raw).ifPresent(accepted -> assertEquals(raw, accepted));
    }

    @Property(tries = 2000)
    void aPasswordIsAcceptedExactlyWhenItHas8To72Utf8BytesAndNoNul(@ForAll("decodableText") String raw) {
        int bytes = raw.getBytes(StandardCharsets.UTF_8).length;
        boolean contract = bytes >= 8 && bytes <= 72 && raw.indexOf('\0') < 0;

        assertEquals(contract, UserRules.password(raw).isPresent(), bytes + " bytes");
    }
}
