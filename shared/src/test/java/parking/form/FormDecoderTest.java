package parking.form;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FormDecoderTest {

    private static final String URLENCODED = "application/x-www-form-urlencoded";
    private static final String BOUNDARY = "----parking7MA4YWxkTrZu0gW";
    private static final String MULTIPART = "multipart/form-data; boundary=" + BOUNDARY;

    private static Optional<Form> decode(String contentType, String body) {
        return FormDecoder.decode(contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, String> fields(String contentType, String body) {
        return decode(contentType, body).orElseThrow().asMap();
    }

    private static Map<String, String> fields(String contentType, byte[] body) {
        return FormDecoder.decode(contentType, body).orElseThrow().asMap();
    }

    private static String part(String name, String value) {
        return "--" + BOUNDARY + "\r\n"
                + "Content-Disposition: form-data; name=\"" + name + "\"\r\n\r\n"
                + value + "\r\n";
    }

    private static String filePart(String name, String fileName, String content) {
        return "--" + BOUNDARY + "\r\n"
                + "Content-Disposition: form-data; name=\"" + name + "\"; filename=\"" + fileName + "\"\r\n"
                + "Content-Type: text/plain\r\n\r\n"
                + content + "\r\n";
    }

    private static String end() {
        return "--" + BOUNDARY + "--\r\n";
    }

    // --- application/x-www-form-urlencoded

    @Test
    void decodesUrlEncodedFieldsInOrder() {
        assertEquals(Map.of("username", "alice", "password", "secret123"),
                fields(URLENCODED, "username=alice&password=secret123"));
        assertEquals(java.util.List.of("username", "password"),
                java.util.List.copyOf(fields(URLENCODED, "username=alice&password=secret123").keySet()));
    }

    @Test
    void plusIsASpace() {
        assertEquals("A 01 north", fields(URLENCODED, "name=A+01+north").get("name"));
    }

    @Test
    void percentEscapesAreDecodedAsUtf8() {
        assertEquals("a&b=c+d é€", fields(URLENCODED, "name=a%26b%3Dc%2Bd%20%C3%A9%E2%82%AC").get("name"));
    }

    @Test
    void percentEscapesAcceptLowerCaseHexDigits() {
        assertEquals("é", fields(URLENCODED, "name=%c3%a9").get("name"));
    }

    @Test
    void fieldNamesAreDecodedToo() {
        assertEquals("1", fields(URLENCODED, "user%5Fname=1").get("user_name"));
    }

    @Test
    void escapeWithNonHexDigitsIsNoForm() {
        assertTrue(decode(URLENCODED, "name=%zz").isEmpty());
    }

    @Test
    void escapeCutShortAtTheEndIsNoForm() {
        assertTrue(decode(URLENCODED, "name=%4").isEmpty());
        assertTrue(decode(URLENCODED, "name=%").isEmpty());
    }

    @Test
    void escapeCutShortBeforeTheNextPairIsNoForm() {
        assertTrue(decode(URLENCODED, "name=%4&x=1").isEmpty());
    }

    @Test
    void brokenEscapeInAFieldNameIsNoForm() {
        assertTrue(decode(URLENCODED, "na%me=1").isEmpty());
    }

    @Test
    void escapesThatAreNotUtf8AreNoForm() {
        assertTrue(decode(URLENCODED, "name=%E9").isEmpty());
        assertTrue(decode(URLENCODED, "name=%C3").isEmpty());
        assertTrue(decode(URLENCODED, "name=%ED%A0%80").isEmpty());
    }

    @Test
    void rawBytesThatAreNotUtf8AreNoForm() {
        byte[] latin1 = "name=caf\u00e9".getBytes(StandardCharsets.ISO_8859_1);
        assertTrue(FormDecoder.decode(URLENCODED, latin1).isEmpty());
    }

    @Test
    void rawUtf8BytesAreAccepted() {
        assertEquals("Piazza Castello – posto 3", fields(URLENCODED, "name=Piazza Castello – posto 3").get("name"));
    }

    @Test
    void repeatedFieldKeepsItsFirstValue() {
        assertEquals("first", fields(URLENCODED, "name=first&name=second").get("name"));
    }

    @Test
    void fieldWithoutEqualsSignHasAnEmptyValue() {
        assertEquals(Optional.of(""), decode(URLENCODED, "occupied&name=x").orElseThrow().get("occupied"));
    }

    @Test
    void fieldWithEqualsSignAndNothingAfterHasAnEmptyValue() {
        assertEquals(Optional.of(""), decode(URLENCODED, "name=").orElseThrow().get("name"));
    }

    @Test
    void valueMayContainEqualsSigns() {
        assertEquals("a=b", fields(URLENCODED, "name=a=b").get("name"));
    }

    @Test
    void emptyPairsAreSkipped() {
        assertEquals(Map.of("a", "1", "b", "2"), fields(URLENCODED, "&&a=1&&b=2&"));
    }

    @Test
    void pairWithEmptyNameIsSkipped() {
        assertEquals(Map.of("a", "1"), fields(URLENCODED, "=orphan&a=1"));
    }

    @Test
    void absentFieldIsEmptyNotEmptyString() {
        assertEquals(Optional.empty(), decode(URLENCODED, "a=1").orElseThrow().get("b"));
    }

    // --- content type and charset

    @Test
    void contentTypeIsCaseInsensitive() {
        assertEquals("1", fields("Application/X-WWW-Form-UrlEncoded", "a=1").get("a"));
    }

    @Test
    void contentTypeMayCarryParametersAndWhitespace() {
        assertEquals("1", fields(" application/x-www-form-urlencoded ; charset=utf-8 ; foo=bar", "a=1").get("a"));
    }

    @Test
    void utf8CharsetIsAcceptedInAnyCase() {
        assertEquals("1", fields(URLENCODED + "; charset=UTF-8", "a=1").get("a"));
        assertEquals("1", fields(URLENCODED + "; CHARSET=Utf-8", "a=1").get("a"));
    }

    @Test
    void quotedUtf8CharsetIsAccepted() {
        assertEquals("1", fields(URLENCODED + "; charset=\"utf-8\"", "a=1").get("a"));
    }

    @Test
    void otherCharsetIsNoForm() {
        assertTrue(decode(URLENCODED + "; charset=iso-8859-1", "a=1").isEmpty());
        assertTrue(decode(MULTIPART + "; charset=iso-8859-1", part("a", "1") + end()).isEmpty());
    }

    @Test
    void jsonIsNoForm() {
        assertTrue(decode("application/json", "{\"username\":\"alice\",\"password\":\"secret123\"}").isEmpty());
    }

    @Test
    void plainTextIsNoForm() {
        assertTrue(decode("text/plain", "a=1").isEmpty());
    }

    @Test
    void typeThatOnlyStartsLikeAFormTypeIsNoForm() {
        assertTrue(decode("application/x-www-form-urlencodedx", "a=1").isEmpty());
    }

    @Test
    void missingContentTypeIsNoForm() {
        assertTrue(decode(null, "a=1").isEmpty());
    }

    @Test
    void nullBodyIsNoForm() {
        assertTrue(FormDecoder.decode(URLENCODED, null).isEmpty());
    }

    @Test
    void emptyBodyIsNoForm() {
        assertTrue(decode(URLENCODED, "").isEmpty());
        assertTrue(decode(MULTIPART, "").isEmpty());
    }

    // --- multipart/form-data

    @Test
    void decodesMultipartFields() {
        assertEquals(Map.of("username", "alice", "password", "secret 123"),
                fields(MULTIPART, part("username", "alice") + part("password", "secret 123") + end()));
    }

    @Test
    void multipartValuesAreUtf8() {
        assertEquals("posto è €", fields(MULTIPART, part("name", "posto è €") + end()).get("name"));
    }

    @Test
    void multipartValueKeepsLineBreaksAndPercentSigns() {
        assertEquals("a+b%20\r\nc", fields(MULTIPART, part("name", "a+b%20\r\nc") + end()).get("name"));
    }

    @Test
    void multipartEmptyValueIsAnEmptyString() {
        assertEquals(Optional.of(""), decode(MULTIPART, part("name", "") + end()).orElseThrow().get("name"));
    }

    @Test
    void multipartRepeatedFieldKeepsItsFirstValue() {
        assertEquals("first", fields(MULTIPART, part("name", "first") + part("name", "second") + end()).get("name"));
    }

    @Test
    void multipartFilePartsAreIgnored() {
        Map<String, String> fields = fields(MULTIPART,
                filePart("username", "evil.txt", "mallory") + part("password", "secret123") + filePart("photo", "a.png", "PNG") + end());
        assertEquals(Map.of("password", "secret123"), fields);
    }

    @Test
    void multipartFilePartDoesNotHideALaterFieldOfTheSameName() {
        assertEquals("alice", fields(MULTIPART, filePart("username", "x.txt", "mallory") + part("username", "alice") + end()).get("username"));
    }

    @Test
    void multipartTypeIsCaseInsensitive() {
        assertEquals("1", fields("Multipart/Form-Data; Boundary=" + BOUNDARY, part("a", "1") + end()).get("a"));
    }

    @Test
    void multipartQuotedBoundaryIsAccepted() {
        assertEquals("1", fields("multipart/form-data; boundary=\"" + BOUNDARY + "\"", part("a", "1") + end()).get("a"));
    }

    @Test
    void multipartWithUtf8CharsetParameterIsAccepted() {
        assertEquals("1", fields(MULTIPART + "; charset=UTF-8", part("a", "1") + end()).get("a"));
    }

    @Test
    void multipartWithoutBoundaryIsNoForm() {
        assertTrue(decode("multipart/form-data", part("a", "1") + end()).isEmpty());
    }

    @Test
    void multipartWithAnotherBoundaryThanTheBodyIsNoForm() {
        assertTrue(decode("multipart/form-data; boundary=somethingelse", part("a", "1") + end()).isEmpty());
    }

    @Test
    void multipartWithOnlyTheCloseDelimiterIsAFormWithoutFields() {
        assertTrue(decode(MULTIPART, end()).orElseThrow().asMap().isEmpty());
    }

    @Test
    void truncatedMultipartBodyIsNoForm() {
        String whole = part("username", "alice") + part("password", "secret123") + end();
        assertTrue(decode(MULTIPART, whole.substring(0, whole.indexOf("secret123") + 3)).isEmpty());
    }

    @Test
    void multipartWithoutClosingDelimiterIsNoForm() {
        assertTrue(decode(MULTIPART, part("a", "1")).isEmpty());
    }

    @Test
    void invalidUtf8InAMultipartFieldIsNoForm() {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        body.writeBytes(new byte[] {'c', 'a', 'f', (byte) 0xE9});
        body.writeBytes(("\r\n" + end()).getBytes(StandardCharsets.US_ASCII));
        assertTrue(FormDecoder.decode(MULTIPART, body.toByteArray()).isEmpty());
    }

    @Test
    void invalidUtf8InAnIgnoredFilePartIsFine() {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"a.bin\"\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        body.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xFE, 0});
        body.writeBytes(("\r\n" + part("a", "1") + end()).getBytes(StandardCharsets.US_ASCII));
        assertEquals(Map.of("a", "1"), fields(MULTIPART, body.toByteArray()));
    }

    @Test
    void urlEncodedBodySentAsMultipartIsNoForm() {
        assertTrue(decode(MULTIPART, "a=1&b=2").isEmpty());
    }
}
