package parking.form;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/** Hostile and random input never makes the decoder do anything but decode or say "no form". */
class FormDecoderPropertiesTest {

    @Provide
    Arbitrary<String> contentTypes() {
        Arbitrary<String> known = Arbitraries.of(
                "application/x-www-form-urlencoded",
                "application/x-www-form-urlencoded; charset=UTF-8",
                "APPLICATION/X-WWW-FORM-URLENCODED;charset=\"utf-8\"",
                "multipart/form-data",
                "multipart/form-data; boundary=",
                "multipart/form-data; boundary=\"\"",
                "multipart/form-data; boundary=abc",
                "multipart/form-data; boundary=abc; charset=latin1",
                "multipart/mixed; boundary=abc",
                "application/json",
                "text/plain",
                ";;;",
                "=",
                "");
        Arbitrary<String> boundaries = Arbitraries.strings().ofMinLength(0).ofMaxLength(80)
                .map(b -> "multipart/form-data; boundary=" + b);
        Arbitrary<String> anything = Arbitraries.strings().ofMaxLength(200);
        return Arbitraries.oneOf(known, boundaries, anything);
    }

    @Property(tries = 2000)
    void neverThrowsOnRandomBytesAndContentTypes(@ForAll("contentTypes") String contentType, @ForAll @Size(max = 2048) byte[] body) {
        FormDecoder.decode(contentType, body);
    }

    @Property(tries = 1000)
    void neverThrowsOnMultipartLookalikes(@ForAll @Size(max = 20) java.util.List<@net.jqwik.api.constraints.StringLength(max = 40) String> lines) {
        String boundary = "b0und";
        String body = "--" + boundary + "\r\n" + String.join("\r\n", lines) + "\r\n--" + boundary + "--";
        FormDecoder.decode("multipart/form-data; boundary=" + boundary, body.getBytes(StandardCharsets.UTF_8));
    }

    @Provide
    Arbitrary<Map<String, String>> fieldMaps() {
        // Any text but what a multipart header cannot carry in a quoted name (RFC 7578 section 4.2:
        // quotes, backslashes, control characters) and surrounding blanks, which header parsing trims.
        Arbitrary<String> names = Arbitraries.strings().ofMinLength(1).ofMaxLength(20)
                .excludeChars('"', '\\')
                .filter(name -> name.chars().noneMatch(Character::isISOControl))
                .filter(name -> !name.isBlank() && name.equals(name.strip()));
        Arbitrary<String> values = Arbitraries.strings().ofMaxLength(60)
                .filter(v -> !v.contains("\r\n--"))
                .filter(FormDecoderPropertiesTest::isValidUnicode);
        return Arbitraries.maps(names.filter(FormDecoderPropertiesTest::isValidUnicode), values).ofMaxSize(6)
                .map(LinkedHashMap::new);
    }

    @Property(tries = 500)
    void anyFieldMapRoundTripsThroughUrlEncoding(@ForAll("fieldMaps") Map<String, String> fields) {
        StringBuilder body = new StringBuilder();
        fields.forEach((name, value) -> body.append(body.length() == 0 ? "" : "&")
                .append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));

        Optional<Form> form = FormDecoder.decode("application/x-www-form-urlencoded", body.toString().getBytes(StandardCharsets.UTF_8));

        // An empty body is "no form" by the contract.
        assertEquals(fields.isEmpty() ? null : fields, form.map(Form::asMap).orElse(null));
    }

    @Property(tries = 500)
    void anyFieldMapRoundTripsThroughMultipart(@ForAll("fieldMaps") Map<String, String> fields) {
        String boundary = "----jqwik7MA4YWxkTrZu0gW";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        fields.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                + name + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));

        Optional<Form> form = FormDecoder.decode("multipart/form-data; boundary=" + boundary, body.toByteArray());

        assertEquals(fields, form.map(Form::asMap).orElse(null));
    }

    private static boolean isValidUnicode(String s) {
        return s.codePoints().noneMatch(cp -> Character.getType(cp) == Character.SURROGATE);
    }
}
