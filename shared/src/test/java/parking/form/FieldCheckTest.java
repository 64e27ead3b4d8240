package parking.form;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import parking.errors.ApiException;

class FieldCheckTest {

    private static final Function<String, Optional<String>> ANY = Optional::of;
    private static final Function<String, Optional<Integer>> NUMBER = raw ->
            raw.matches("[0-9]{1,9}") ? Optional.of(Integer.parseInt(raw)) : Optional.empty();

    private static FieldCheck check(String urlEncoded) {
        return new FieldCheck(FormDecoder.decode("application/x-www-form-urlencoded",
                urlEncoded.getBytes(StandardCharsets.UTF_8)).orElseThrow());
    }

    private static ApiException failure(FieldCheck check) {
        return assertThrows(ApiException.class, check::throwIfAny);
    }

    @Test
    void validFieldsPassAndReturnTheirParsedValues() {
        FieldCheck check = check("name=A-01&minutes=30");

        assertEquals("A-01", check.required("name", ANY));
        assertEquals(30, check.required("minutes", NUMBER));
        assertDoesNotThrow(check::throwIfAny);
    }

    @Test
    void missingFieldsAreListedInTheOrderTheyWereChecked() {
        FieldCheck check = check("other=1");
        check.required("username", ANY);
        check.required("password", ANY);

        ApiException failure = failure(check);
        assertEquals(400, failure.status());
        assertEquals("missing fields [username, password]", failure.getMessage());
    }

    @Test
    void invalidFieldsAreListedInTheOrderTheyWereChecked() {
        FieldCheck check = check("latitude=x&name=y&longitude=z");
        check.required("name", NUMBER);
        check.required("latitude", NUMBER);
        check.required("longitude", NUMBER);

        ApiException failure = failure(check);
        assertEquals(400, failure.status());
        assertEquals("invalid fields [name, latitude, longitude]", failure.getMessage());
    }

    @Test
    void missingFieldsAreReportedBeforeInvalidOnes() {
        FieldCheck check = check("username=x");
        check.required("username", NUMBER);
        check.required("password", ANY);

        assertEquals("missing fields [password]", failure(check).getMessage());
    }

    @Test
    void singleInvalidFieldMessage() {
        FieldCheck check = check("a=bad");
        check.required("a", NUMBER);

        assertEquals("invalid fields [a]", failure(check).getMessage());
    }

    @Test
    void requiredFieldThatIsMissingOrInvalidReadsAsNull() {
        FieldCheck check = check("a=bad");

        assertNull(check.required("a", NUMBER));
        assertNull(check.required("b", NUMBER));
    }

    @Test
    void emptyFieldIsInvalidNotMissing() {
        FieldCheck check = check("username=&password=secret123");
        check.required("username", NUMBER);
        check.required("password", ANY);

        assertEquals("invalid fields [username]", failure(check).getMessage());
    }

    @Test
    void emptyFieldIsInvalidEvenWhenTheParserWouldAcceptIt() {
        FieldCheck check = check("name=");

        assertNull(check.required("name", ANY));
        assertEquals("invalid fields [name]", failure(check).getMessage());
    }

    @Test
    void fieldWithoutEqualsSignIsInvalidNotMissing() {
        FieldCheck check = check("name");
        check.required("name", ANY);

        assertEquals("invalid fields [name]", failure(check).getMessage());
    }

    @Test
    void absentOptionalFieldIsEmptyAndNotAnError() {
        FieldCheck check = check("name=x");

        assertEquals(Optional.empty(), check.optional("minutes", NUMBER));
        assertDoesNotThrow(check::throwIfAny);
    }

    @Test
    void presentOptionalFieldIsParsed() {
        assertEquals(Optional.of(30), check("minutes=30").optional("minutes", NUMBER));
    }

    @Test
    void invalidOptionalFieldIsReported() {
        FieldCheck check = check("minutes=soon");

        assertEquals(Optional.empty(), check.optional("minutes", NUMBER));
        assertEquals("invalid fields [minutes]", failure(check).getMessage());
    }

    @Test
    void emptyOptionalFieldIsInvalid() {
        FieldCheck check = check("name=");

        assertEquals(Optional.empty(), check.optional("name", ANY));
        assertEquals("invalid fields [name]", failure(check).getMessage());
    }

    @Test
    void optionalAndRequiredFieldsShareOneOrder() {
        FieldCheck check = check("name=x&occupied=maybe&minutes=soon");
        check.required("name", NUMBER);
        check.optional("occupied", NUMBER);
        check.required("minutes", NUMBER);

        assertEquals("invalid fields [name, occupied, minutes]", failure(check).getMessage());
    }

    @Test
    void groupOfFieldsCanBeReportedMissingTogether() {
        FieldCheck check = check("other=1");
        check.missing(List.of("name", "latitude", "longitude", "occupied"));

        assertEquals("missing fields [name, latitude, longitude, occupied]", failure(check).getMessage());
    }
}
