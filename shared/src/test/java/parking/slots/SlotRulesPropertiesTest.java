package parking.slots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import parking.testing.HostileText;

/**
 * The slot rules answer every possible text with a value the contract allows or "invalid", and
 * accept every spelling the contract promises.
 */
class SlotRulesPropertiesTest {

    @Provide
    Arbitrary<String> hostile() {
        return HostileText.anything();
    }

    /** 1-64 code points, none of them a control character, from the whole of Unicode. */
    @Provide
    Arbitrary<String> names() {
        return Arbitraries.integers().between(0, Character.MAX_CODE_POINT)
                .filter(cp -> Character.getType(cp) != Character.SURROGATE && !Character.isISOControl(cp))
                .list().ofMinSize(1).ofMaxSize(64)
                .map(cps -> new String(cps.stream().mapToInt(Integer::intValue).toArray(), 0, cps.size()));
    }

    @Provide
    Arbitrary<String> namesWithAControlCharacter() {
        Arbitrary<Character> control = Arbitraries.chars().filter(Character::isISOControl);
        return Combinators.combine(names(), control, Arbitraries.integers().between(0, 64))
                .as((name, c, at) -> {
                    int cut = name.offsetByCodePoints(0, Math.min(at, name.codePointCount(0, name.length())));
                    return name.substring(0, cut) + c + name.substring(cut);
                });
    }

    /** A plain decimal within {@code bound}, with up to 20 fraction digits, as a client may write it. */
    private static Arbitrary<BigDecimal> decimalsWithin(int bound) {
        return Combinators.combine(
                        Arbitraries.bigIntegers().between(BigInteger.valueOf(-bound).multiply(BigInteger.TEN.pow(20)),
                                BigInteger.valueOf(bound).multiply(BigInteger.TEN.pow(20))),
                        Arbitraries.integers().between(0, 20))
                .as((unscaled, scale) -> new BigDecimal(unscaled, 20).setScale(scale, java.math.RoundingMode.DOWN));
    }

    @Provide
    Arbitrary<BigDecimal> latitudes() {
        return decimalsWithin(90);
    }

    @Provide
    Arbitrary<BigDecimal> longitudes() {
        return decimalsWithin(180);
    }

    @Provide
    Arbitrary<String> flagSpellings() {
        return Arbitraries.of("true", "false", "1", "0")
                .flatMap(word -> Arbitraries.integers().between(0, (1 << word.length()) - 1).map(mask -> {
                    StringBuilder cased = new StringBuilder();
                    for (int i = 0; i < word.length(); i++) {
                        char c = word.charAt(i);
                        cased.append((mask >> i & 1) == 1 ? Character.toUpperCase(c) : c);
                    }
                    return cased.toString();
                }));
    }

    @Property(tries = 2000)
    void anAcceptedNameIsTheTextAsSentWithinTheRules(@ForAll("hostile") String raw) {
        SlotRules.name(raw).ifPresent(name -> {
            assertEquals(raw, name);
            int characters = name.codePointCount(0, name.length());
            assertTrue(characters >= 1 && characters <= 64);
            assertTrue(name.codePoints().noneMatch(Character::isISOControl));
        });
    }

    @Property(tries = 1000)
    void everyNameOfOneTo64NonControlCharactersIsAccepted(@ForAll("names") String name) {
        assertEquals(Optional.of(name), SlotRules.name(name));
    }

    @Property(tries = 500)
    void oneControlCharacterMakesANameInvalid(@ForAll("namesWithAControlCharacter") String name) {
        assertEquals(Optional.empty(), SlotRules.name(name));
    }

    @Property(tries = 2000)
    void anAcceptedCoordinateIsTheNumberSentWithinItsRangeInStoredForm(@ForAll("hostile") String raw) {
        assertCoordinateContract(raw, SlotRules::latitude, 90);
        assertCoordinateContract(raw, SlotRules::longitude, 180);
    }

    private static void assertCoordinateContract(String raw, Function<String, Optional<BigDecimal>> rule, int bound) {
        rule.apply(raw).ifPresent(value -> {
            assertEquals(0, value.compareTo(new BigDecimal(raw)), raw);
            assertTrue(value.abs().compareTo(BigDecimal.valueOf(bound)) <= 0, raw);
            // DynamoDB's normalized form: no trailing fraction zeros, no exponent.
            assertTrue(value.scale() >= 0 && (value.scale() == 0 || value.unscaledValue().mod(BigInteger.TEN).signum() != 0), raw);
        });
    }

    @Property(tries = 1000)
    void everyPlainLatitudeWithin90IsAcceptedAtItsValue(@ForAll("latitudes") BigDecimal latitude) {
        Optional<BigDecimal> parsed = SlotRules.latitude(latitude.toPlainString());

        assertTrue(parsed.isPresent(), latitude.toPlainString());
        assertEquals(0, parsed.get().compareTo(latitude));
    }

    @Property(tries = 1000)
    void everyPlainLongitudeWithin180IsAcceptedAtItsValue(@ForAll("longitudes") BigDecimal longitude) {
        Optional<BigDecimal> parsed = SlotRules.longitude(longitude.toPlainString());

        assertTrue(parsed.isPresent(), longitude.toPlainString());
        assertEquals(0, parsed.get().compareTo(longitude));
    }

    @Property(tries = 20)
    void aCoordinateJustBeyondItsRangeIsInvalid(@ForAll @IntRange(min = 1, max = 20) int digits) {
        BigDecimal beyond = BigDecimal.ONE.movePointLeft(digits);
        String northOfThePole = BigDecimal.valueOf(90).add(beyond).toPlainString();
        String pastTheDateLine = BigDecimal.valueOf(-180).subtract(beyond).toPlainString();

        assertEquals(Optional.empty(), SlotRules.latitude(northOfThePole));
        assertEquals(Optional.empty(), SlotRules.longitude(pastTheDateLine));
    }

    @Property(tries = 2000)
    void aFlagIsTrueFalseOneOrZeroInAnyCaseAndNothingElse(@ForAll("hostile") String raw) {
        boolean contract = Set.of("true", "false", "1", "0").contains(raw.toLowerCase(Locale.ROOT));

        assertEquals(contract, SlotRules.flag(raw).isPresent(), raw);
    }

    @Property(tries = 300)
    void everySpellingOfAFlagReadsAsItsMeaning(@ForAll("flagSpellings") String spelling) {
        boolean meaning = spelling.equalsIgnoreCase("true") || spelling.equals("1");

        assertEquals(Optional.of(meaning), SlotRules.flag(spelling));
    }

    @Property(tries = 1000)
    void minutesAreAcceptedFrom1To120AndRefusedOutside(@ForAll @IntRange(min = -10_000, max = 10_000) int minutes) {
        Optional<Integer> expected = minutes >= 1 && minutes <= 120 ? Optional.of(minutes) : Optional.empty();

        assertEquals(expected, SlotRules.minutes(Integer.toString(minutes)));
    }

    @Property(tries = 2000)
    void acceptedMinutesAreCanonicalAndWithinRange(@ForAll("hostile") String raw) {
        SlotRules.minutes(raw).ifPresent(minutes -> {
            assertEquals(raw, Integer.toString(minutes));
            assertTrue(minutes >= 1 && minutes <= 120);
        });
    }

    @Property(tries = 1000)
    void everyPositive64BitIdIsAUserId(@ForAll @LongRange(min = 1, max = Long.MAX_VALUE) long id) {
        assertEquals(Optional.of(id), SlotRules.userId(Long.toString(id)));
    }

    @Property(tries = 2000)
    void anAcceptedUserIdIsACanonicalPositiveNumber(@ForAll("hostile") String raw) {
        SlotRules.userId(raw).ifPresent(id -> {
            assertTrue(id > 0);
            assertEquals(raw, Long.toString(id));
        });
    }
}
