package parking.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class RejectedNamesTest {

    private static Optional<Integer> number(String raw) {
        return raw.matches("[0-9]+") ? Optional.of(Integer.parseInt(raw)) : Optional.empty();
    }

    @Test
    void namesTheRejectedInTheOrderTheyWereChecked() {
        RejectedNames invalid = new RejectedNames("invalid parameters");
        invalid.parse("limit", Optional.of("x"), RejectedNamesTest::number);
        invalid.parse("cursor", Optional.of("12"), RejectedNamesTest::number);
        invalid.add("owner_id");

        ApiException error = assertThrows(ApiException.class, invalid::throwIfAny);

        assertEquals("400 invalid parameters [limit, owner_id]", error.status() + " " + error.getMessage());
    }

    @Test
    void aValueTheParserAcceptsIsReturnedAndNotRecorded() {
        RejectedNames invalid = new RejectedNames("invalid fields");

        assertEquals(Optional.of(12), invalid.parse("minutes", Optional.of("12"), RejectedNamesTest::number));
        invalid.throwIfAny();
    }

    @Test
    void anAbsentValueIsEmptyAndNotRecorded() {
        RejectedNames invalid = new RejectedNames("invalid fields");

        assertEquals(Optional.empty(), invalid.parse("minutes", Optional.empty(), RejectedNamesTest::number));
        invalid.throwIfAny();
    }
}
