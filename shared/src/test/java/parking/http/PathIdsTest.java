package parking.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PathIdsTest {

    @Test
    void oneIsAnId() {
        assertEquals(OptionalLong.of(1), PathIds.parse("1"));
    }

    @Test
    void largestLongIsAnId() {
        assertEquals(OptionalLong.of(Long.MAX_VALUE), PathIds.parse("9223372036854775807"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"0", "-1", "01", "00", "1e3", "+1", " 1", "1 ", "1.0", "0x1", "abc", "１",
        "9223372036854775808", "99999999999999999999", "18446744073709551616"})
    void anythingButACanonicalPositiveLongIsNoId(String segment) {
        assertTrue(PathIds.parse(segment).isEmpty());
    }
}
