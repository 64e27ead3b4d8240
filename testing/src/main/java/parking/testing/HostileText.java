package parking.testing;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;

/**
 * Text a client may send in any field, parameter or path segment: any UTF-16 string (lone
 * surrogates and control characters included), number lookalikes in every spelling, very long
 * digit runs, and the spellings that trip parsers (exponents, signs, non-ASCII digits, blanks).
 */
public final class HostileText {

    private static final String NUMBER_ALPHABET = "0123456789+-.eExX _,";

    private HostileText() {
    }

    public static Arbitrary<String> anything() {
        Arbitrary<String> any = Arbitraries.strings().all().ofMaxLength(80);
        Arbitrary<String> numberLike = Arbitraries.strings().withChars(NUMBER_ALPHABET.toCharArray()).ofMaxLength(30);
        Arbitrary<String> longDigits = Arbitraries.strings().numeric().ofMinLength(15).ofMaxLength(5000);
        Arbitrary<String> tricky = Arbitraries.of(
                "", " ", "0", "-0", "00", "01", "+1", "1e3", "1E3", "0x10", "1.0", "1.", ".5", "-.5", "NaN", "Infinity",
                "-Infinity", "9223372036854775807", "9223372036854775808", "-9223372036854775808",
                "99999999999999999999", "\u0661\u0662", "\uff11\uff12", "1\u0000", "\u0000", "\ud800", "\udfff1",
                "true", "TRUE", "tRuE", "yes", "on", "null", "undefined", "[]", "{}", "%00", "%2e", "../1", "1;2", "1 ");
        return Arbitraries.frequencyOf(
                Tuple.of(4, any),
                Tuple.of(4, numberLike),
                Tuple.of(1, longDigits),
                Tuple.of(2, tricky));
    }
}
