package parking.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.OptionalLong;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import parking.testing.HostileText;

/** Only the canonical decimal form of a positive 64-bit integer names a resource; anything else is "not found". */
class PathIdsPropertiesTest {

    @Provide
    Arbitrary<String> hostile() {
        return HostileText.anything();
    }

    @Property(tries = 3000)
    void aSegmentIsAnIdOnlyInItsCanonicalPositiveForm(@ForAll("hostile") String segment) {
        OptionalLong id = PathIds.parse(segment);

        id.ifPresent(value -> {
            assertTrue(value > 0, segment);
            assertEquals(segment, Long.toString(value));
        });
    }

    @Property(tries = 1000)
    void everyPositive64BitIdIsFound(@ForAll @LongRange(min = 1, max = Long.MAX_VALUE) long id) {
        assertEquals(OptionalLong.of(id), PathIds.parse(Long.toString(id)));
    }

    @Property(tries = 500)
    void zeroNegativeAndPaddedSpellingsAreNotIds(@ForAll @LongRange(min = Long.MIN_VALUE, max = Long.MAX_VALUE) long id,
                                                @ForAll @IntRange(min = 1, max = 3) int zeros) {
        String padded = "0".repeat(zeros) + Math.abs(id % 1_000_000_000L);
        assertEquals(OptionalLong.empty(), PathIds.parse(padded));
        if (id <= 0) {
            assertEquals(OptionalLong.empty(), PathIds.parse(Long.toString(id)));
        }
        assertEquals(OptionalLong.empty(), PathIds.parse("+" + Math.abs(id % 1_000_000_000L)));
    }

    @Property(tries = 500)
    void numbersBeyond64BitsAreNotIds(@ForAll @BigRange(min = "9223372036854775808", max = "999999999999999999999999999999") BigInteger huge) {
        assertEquals(OptionalLong.empty(), PathIds.parse(huge.toString()));
    }
}
