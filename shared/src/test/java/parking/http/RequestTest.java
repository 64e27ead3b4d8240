package parking.http;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import parking.errors.ApiException;
import parking.form.Form;

class RequestTest {

    private static void assertMissingForm(Request request) {
        ApiException failure = assertThrows(ApiException.class, request::form);
        assertEquals(400, failure.status());
        assertEquals("missing form", failure.getMessage());
    }

    private static void assertTooLarge(Request request) {
        ApiException failure = assertThrows(ApiException.class, request::rejectOversizedBody);
        assertEquals(413, failure.status());
        assertEquals("payload too large", failure.getMessage());
    }

    /** A urlencoded body of exactly {@code size} bytes: one field padded with letters. */
    private static byte[] formOfSize(int size) {
        byte[] body = new byte[size];
        Arrays.fill(body, (byte) 'x');
        body[0] = 'a';
        body[1] = '=';
        return body;
    }

    // --- headers

    @Test
    void headerIsFoundWhateverTheCaseOfItsName() {
        Request titleCase = HttpEvent.asRequest(HttpEvent.request().header("Content-Type", "text/plain"));
        Request lowerCase = HttpEvent.asRequest(HttpEvent.request().header("content-type", "text/plain"));

        assertEquals(Optional.of("text/plain"), titleCase.header("content-type"));
        assertEquals(Optional.of("text/plain"), lowerCase.header("Content-Type"));
        assertEquals(Optional.of("text/plain"), titleCase.header("CONTENT-TYPE"));
    }

    @Test
    void absentHeaderIsEmpty() {
        assertEquals(Optional.empty(), HttpEvent.asRequest(HttpEvent.request().header("a", "b")).header("authorization"));
        assertEquals(Optional.empty(), HttpEvent.asRequest(HttpEvent.request()).header("authorization"));
    }

    // --- body and form

    @Test
    void base64BodyIsDecodedBeforeTheForm() {
        Form form = HttpEvent.asRequest(HttpEvent.request().form("username", "alice", "password", "s\u00e9cret123")).form();

        assertEquals(Map.of("username", "alice", "password", "sécret123"), form.asMap());
    }

    @Test
    void plainBodyAsSamLocalSendsItIsReadAsUtf8() {
        Form form = HttpEvent.asRequest(HttpEvent.request().header("Content-Type", HttpEvent.URLENCODED)
                .rawBody("name=posto è", false)).form();

        assertEquals(Optional.of("posto è"), form.get("name"));
    }

    @Test
    void base64BodyThatIsNotBase64IsMissingForm() {
        assertMissingForm(HttpEvent.asRequest(HttpEvent.request().header("content-type", HttpEvent.URLENCODED)
                .rawBody("username=alice&password=secret123", true)));
    }

    @Test
    void base64BodyWithCharactersOutsideTheAlphabetIsMissingForm() {
        String valid = Base64.getEncoder().encodeToString("username=alice".getBytes(StandardCharsets.US_ASCII));

        assertMissingForm(HttpEvent.asRequest(HttpEvent.request().header("content-type", HttpEvent.URLENCODED)
                .rawBody("!!" + valid, true)));
    }

    @Test
    void noBodyIsMissingForm() {
        assertMissingForm(HttpEvent.asRequest(HttpEvent.request().header("content-type", HttpEvent.URLENCODED)));
    }

    @Test
    void emptyBodyIsMissingForm() {
        assertMissingForm(HttpEvent.asRequest(HttpEvent.request().header("content-type", HttpEvent.URLENCODED).rawBody("", true)));
        assertMissingForm(HttpEvent.asRequest(HttpEvent.request().header("content-type", HttpEvent.URLENCODED).rawBody("", false)));
    }

    @Test
    void bodyWithoutContentTypeIsMissingForm() {
        assertMissingForm(HttpEvent.asRequest(HttpEvent.request().rawBody("a=1", false)));
    }

    @Test
    void jsonBodyIsMissingForm() {
        assertMissingForm(HttpEvent.asRequest(HttpEvent.request().header("content-type", "application/json")
                .rawBody("{\"username\":\"alice\"}", false)));
    }

    @Test
    void optionalFormIsEmptyWithoutABody() {
        assertEquals(Optional.empty(), HttpEvent.asRequest(HttpEvent.request()).optionalForm());
        assertEquals(Optional.empty(), HttpEvent.asRequest(HttpEvent.request().rawBody("", true)).optionalForm());
    }

    @Test
    void optionalFormIsTheFormWhenOneIsSent() {
        Optional<Form> form = HttpEvent.asRequest(HttpEvent.request().form("minutes", "30")).optionalForm();

        assertEquals(Optional.of("30"), form.orElseThrow().get("minutes"));
    }

    @Test
    void optionalFormWithABodyThatIsNotAFormIsMissingForm() {
        Request json = HttpEvent.asRequest(HttpEvent.request().header("content-type", "application/json").rawBody("{}", false));

        assertEquals("missing form", assertThrows(ApiException.class, json::optionalForm).getMessage());
    }

    @Test
    void optionalFormWithABodyThatIsNotBase64IsMissingForm() {
        Request broken = HttpEvent.asRequest(HttpEvent.request().header("content-type", HttpEvent.URLENCODED).rawBody("minutes=30", true));

        assertEquals("missing form", assertThrows(ApiException.class, broken::optionalForm).getMessage());
    }

    // --- size limit

    @Test
    void decodedBodyOfExactlySixteenKibIsAccepted() {
        Request request = HttpEvent.asRequest(HttpEvent.request().header("content-type", HttpEvent.URLENCODED).body(null, formOfSize(16384)));

        assertDoesNotThrow(request::rejectOversizedBody);
        assertEquals(16382, request.form().get("a").orElseThrow().length());
    }

    @Test
    void decodedBodyOneByteOverSixteenKibIsTooLarge() {
        assertTooLarge(HttpEvent.asRequest(HttpEvent.request().body(null, formOfSize(16385))));
    }

    @Test
    void limitIsMeasuredOnDecodedBytesNotOnTheBase64Text() {
        HttpApiEvent event = HttpEvent.request().body(null, formOfSize(16384));
        assertTrue(event.build().getBody().length() > 16384);

        assertDoesNotThrow(HttpEvent.asRequest(event)::rejectOversizedBody);
    }

    @Test
    void plainBodyIsMeasuredInUtf8Bytes() {
        String twoByteCharacters = "é".repeat(8193);

        assertTooLarge(HttpEvent.asRequest(HttpEvent.request().rawBody(twoByteCharacters, false)));
        assertDoesNotThrow(HttpEvent.asRequest(HttpEvent.request().rawBody("é".repeat(8192), false))::rejectOversizedBody);
    }

    @Test
    void oversizedBodyThatIsNotBase64IsStillTooLarge() {
        assertTooLarge(HttpEvent.asRequest(HttpEvent.request().rawBody("!".repeat(20000), true)));
    }

    @Test
    void requestWithoutBodyIsNotTooLarge() {
        assertDoesNotThrow(HttpEvent.asRequest(HttpEvent.request())::rejectOversizedBody);
    }

    // --- path, query, caller

    @Test
    void pathIdReadsAPositiveIdFromTheNamedParameter() {
        assertEquals(OptionalLong.of(7), HttpEvent.asRequest(HttpEvent.request().pathParameter("user_id", "7")).pathId("user_id"));
    }

    @Test
    void pathIdIsEmptyForAnythingElse() {
        assertEquals(OptionalLong.empty(), HttpEvent.asRequest(HttpEvent.request().pathParameter("user_id", "07")).pathId("user_id"));
        assertEquals(OptionalLong.empty(), HttpEvent.asRequest(HttpEvent.request().pathParameter("user_id", "7")).pathId("slot_id"));
        assertEquals(OptionalLong.empty(), HttpEvent.asRequest(HttpEvent.request()).pathId("user_id"));
    }

    @Test
    void queryParameterIsReadAsGiven() {
        Request request = HttpEvent.asRequest(HttpEvent.request().query("limit=5&owner_id=1"));

        assertEquals(Optional.of("5"), request.query("limit"));
        assertEquals(Optional.empty(), request.query("cursor"));
        assertEquals(Optional.empty(), HttpEvent.asRequest(HttpEvent.request()).query("limit"));
    }

    @Test
    void callerIdIsOnlyKnownOnAuthenticatedRoutes() {
        assertEquals(42, new Request(HttpEvent.request().build(), 42, Optional.empty()).callerId());
        assertThrows(IllegalStateException.class, HttpEvent.asRequest(HttpEvent.request())::callerId);
    }
}
