package parking.slots;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SlotRulesTest {

    @Test
    void acceptsNamesOfOneTo64Characters() {
        for (String good : List.of("A", "A-01", "x".repeat(64), "posto è già qui", " spaced ")) {
            assertEquals(Optional.of(good), SlotRules.name(good), good);
        }
    }

    @Test
    void countsNameLengthInCharactersNotUtf16Units() {
        String parkingSigns = "\uD83C\uDD7F".repeat(64);

        assertEquals(Optional.of(parkingSigns), SlotRules.name(parkingSigns));
        assertEquals(Optional.empty(), SlotRules.name(parkingSigns + "\uD83C\uDD7F"));
    }

    @Test
    void rejectsEmptyOrLongerNames() {
        assertEquals(Optional.empty(), SlotRules.name(""));
        assertEquals(Optional.empty(), SlotRules.name("x".repeat(65)));
    }

    @Test
    void rejectsNamesWithControlCharacters() {
        for (String bad : List.of("a\u0000", "a\tb", "a\nb", "a\rb", "\u001b[31m", "a\u007f", "a\u0085", "a\u009f")) {
            assertEquals(Optional.empty(), SlotRules.name(bad), bad);
        }
    }

    @Test
    void acceptsLatitudesFromMinus90To90() {
        assertEquals(Optional.of(new BigDecimal("45.0703")), SlotRules.latitude("45.0703"));
        assertEquals(Optional.of(new BigDecimal("-90")), SlotRules.latitude("-90"));
        assertEquals(Optional.of(new BigDecimal("90")), SlotRules.latitude("90.000"));
        assertEquals(Optional.of(BigDecimal.ZERO), SlotRules.latitude("0"));
    }

    @Test
    void rejectsLatitudesBeyond90() {
        for (String bad : List.of("90.0000001", "-90.5", "91", "100", "180")) {
            assertEquals(Optional.empty(), SlotRules.latitude(bad), bad);
        }
    }

    @Test
    void acceptsLongitudesFromMinus180To180() {
        assertEquals(Optional.of(new BigDecimal("7.6869")), SlotRules.longitude("7.6869"));
        assertEquals(Optional.of(new BigDecimal("-180")), SlotRules.longitude("-180"));
        assertEquals(Optional.of(new BigDecimal("180")), SlotRules.longitude("180.0"));
        assertEquals(Optional.of(new BigDecimal("151.2093")), SlotRules.longitude("151.2093"));
    }

    @Test
    void rejectsLongitudesBeyond180() {
        for (String bad : List.of("180.01", "-181", "999")) {
            assertEquals(Optional.empty(), SlotRules.longitude(bad), bad);
        }
    }

    @Test
    void acceptsOnlyPlainDecimalsAsCoordinates() {
        for (String bad : List.of("", "-", "4.5e1", "4.5E1", "1e0", "NaN", "Infinity", "-Infinity", "0x1A", "45,07",
                " 45", "45 ", "+45", ".5", "5.", "045", "00", "1_0", "٤٥", "45.1.2")) {
            assertEquals(Optional.empty(), SlotRules.latitude(bad), bad);
            assertEquals(Optional.empty(), SlotRules.longitude(bad), bad);
        }
    }

    @Test
    void acceptsUpTo20FractionDigits() {
        assertEquals(Optional.of(new BigDecimal("1.12345678901234567891")), SlotRules.latitude("1.12345678901234567891"));
        assertEquals(Optional.empty(), SlotRules.latitude("1.123456789012345678901"));
    }

    @Test
    void dropsTrailingZerosAndNeverNeedsAnExponent() {
        assertEquals("45.07", SlotRules.latitude("45.0700").orElseThrow().toString());
        assertEquals("10", SlotRules.latitude("10.0").orElseThrow().toString());
        assertEquals("0", SlotRules.latitude("-0.000").orElseThrow().toString());
        assertEquals("100", SlotRules.longitude("100.00").orElseThrow().toString());
    }

    @Test
    void readsFlagsAsTrueFalseOneOrZeroInAnyCase() {
        for (String yes : List.of("true", "TRUE", "True", "tRuE", "1")) {
            assertEquals(Optional.of(true), SlotRules.flag(yes), yes);
        }
        for (String no : List.of("false", "FALSE", "False", "0")) {
            assertEquals(Optional.of(false), SlotRules.flag(no), no);
        }
    }

    @Test
    void rejectsOtherFlags() {
        for (String bad : List.of("", "yes", "no", "on", "2", "01", " true", "true ", "t", "f")) {
            assertEquals(Optional.empty(), SlotRules.flag(bad), bad);
        }
    }

    @Test
    void acceptsMinutesFrom1To120() {
        assertEquals(Optional.of(1), SlotRules.minutes("1"));
        assertEquals(Optional.of(15), SlotRules.minutes("15"));
        assertEquals(Optional.of(120), SlotRules.minutes("120"));
    }

    @Test
    void rejectsMinutesOutside1To120OrNotAPlainInteger() {
        for (String bad : List.of("0", "121", "1000", "-1", "+5", "015", "1.0", "1e1", "", " 5", "five", "99999999999")) {
            assertEquals(Optional.empty(), SlotRules.minutes(bad), bad);
        }
    }

    @Test
    void acceptsRadiusFrom1To5000Meters() {
        assertEquals(Optional.of(1), SlotRules.radius("1"));
        assertEquals(Optional.of(500), SlotRules.radius("500"));
        assertEquals(Optional.of(5000), SlotRules.radius("5000"));
    }

    @Test
    void rejectsRadiusOutside1To5000OrNotAPlainInteger() {
        for (String bad : List.of("0", "5001", "10000", "-1", "+5", "0500", "1.0", "1e3", "", " 5", "five", "99999999999999999999")) {
            assertEquals(Optional.empty(), SlotRules.radius(bad), bad);
        }
    }

    @Test
    void readsUserIdsAsPositive64BitIntegers() {
        assertEquals(Optional.of(1L), SlotRules.userId("1"));
        assertEquals(Optional.of(Long.MAX_VALUE), SlotRules.userId("9223372036854775807"));
    }

    @Test
    void rejectsUserIdsThatAreNotCanonicalPositiveIntegers() {
        for (String bad : List.of("0", "-1", "01", "1.0", "", "abc", "9223372036854775808", "99999999999999999999", "+1")) {
            assertEquals(Optional.empty(), SlotRules.userId(bad), bad);
        }
    }
}
