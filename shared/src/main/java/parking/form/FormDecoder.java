package parking.form;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.fileupload2.core.FileItemInput;
import org.apache.commons.fileupload2.core.FileItemInputIterator;
import org.apache.commons.fileupload2.core.ParameterParser;

/**
 * Decodes {@code application/x-www-form-urlencoded} and {@code multipart/form-data} bodies.
 *
 * <p>Anything else (no body, another content type, a charset other than UTF-8, a multipart type
 * without boundary, bytes that are not UTF-8 or not well-formed) is "no form": the contract
 * answers all of them with {@code 400 missing form}. For a repeated field the first value wins,
 * in both encodings; multipart file parts are skipped.
 */
public final class FormDecoder {

    private static final String URLENCODED = "application/x-www-form-urlencoded";
    private static final String MULTIPART = "multipart/form-data";

    private FormDecoder() {
    }

    /**
     * @param contentType the request's Content-Type header, or null
     * @param body the decoded body bytes
     * @return the form, or empty when the body is not a decodable form
     */
    public static Optional<Form> decode(String contentType, byte[] body) {
        if (contentType == null || body == null || body.length == 0) {
            return Optional.empty();
        }
        Map<String, String> params = parameters(contentType);
        if (!isUtf8(params.get("charset"))) {
            return Optional.empty();
        }
        String mediaType = mediaType(contentType);
        if (mediaType.equals(URLENCODED)) {
            return decodeUrlEncoded(body);
        }
        if (mediaType.equals(MULTIPART)) {
            return decodeMultipart(contentType, params.get("boundary"), body);
        }
        return Optional.empty();
    }

    private static String mediaType(String contentType) {
        int semicolon = contentType.indexOf(';');
        String type = semicolon < 0 ? contentType : contentType.substring(0, semicolon);
        return type.trim().toLowerCase(Locale.ROOT);
    }

    private static Map<String, String> parameters(String contentType) {
        ParameterParser parser = new ParameterParser();
        parser.setLowerCaseNames(true);
        return parser.parse(contentType, ';');
    }

    private static boolean isUtf8(String charset) {
        return charset == null || charset.equalsIgnoreCase("utf-8") || charset.equalsIgnoreCase("utf8");
    }

    private static Optional<Form> decodeUrlEncoded(byte[] body) {
        Map<String, String> fields = new LinkedHashMap<>();
        int start = 0;
        while (start <= body.length) {
            int end = indexOf(body, (byte) '&', start);
            int equals = indexOf(body, (byte) '=', start);
            int nameEnd = Math.min(equals, end);
            Optional<String> name = percentDecode(body, start, nameEnd);
            Optional<String> value = nameEnd < end ? percentDecode(body, nameEnd + 1, end) : Optional.of("");
            if (name.isEmpty() || value.isEmpty()) {
                return Optional.empty();
            }
            if (!name.get().isEmpty()) {
                fields.putIfAbsent(name.get(), value.get());
            }
            start = end + 1;
        }
        return Optional.of(new Form(fields));
    }

    private static int indexOf(byte[] bytes, byte wanted, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return bytes.length;
    }

    /** Undoes {@code +} and {@code %XX}; empty when an escape is broken or the bytes are not UTF-8. */
    private static Optional<String> percentDecode(byte[] body, int from, int to) {
        ByteBuffer out = ByteBuffer.allocate(to - from);
        for (int i = from; i < to; i++) {
            byte b = body[i];
            if (b == '+') {
                out.put((byte) ' ');
            } else if (b == '%') {
                int high = i + 2 < to ? Character.digit(body[i + 1], 16) : -1;
                int low = i + 2 < to ? Character.digit(body[i + 2], 16) : -1;
                if (high < 0 || low < 0) {
                    return Optional.empty();
                }
                out.put((byte) (high << 4 | low));
                i += 2;
            } else {
                out.put(b);
            }
        }
        return strictUtf8(out.flip());
    }

    private static Optional<Form> decodeMultipart(String contentType, String boundary, byte[] body) {
        // commons-fileupload reads a body in which the boundary never occurs as a form without
        // fields; RFC 2046 section 5.1.1 requires at least the close delimiter, so it does not decode.
        if (boundary == null || boundary.isEmpty() || !contains(body, ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1))) {
            return Optional.empty();
        }
        Map<String, String> fields = new LinkedHashMap<>();
        try {
            MultipartParser parser = new MultipartParser();
            // RFC 7578 section 5.1: field names travel as UTF-8; the library's default is ISO-8859-1.
            parser.setHeaderCharset(StandardCharsets.UTF_8);
            FileItemInputIterator parts = parser.getItemIterator(new BodyContext(contentType, body));
            while (parts.hasNext()) {
                FileItemInput part = parts.next();
                if (!part.isFormField() || part.getFieldName() == null) {
                    continue;
                }
                Optional<String> value = readUtf8(part.getInputStream());
                if (value.isEmpty()) {
                    return Optional.empty();
                }
                fields.putIfAbsent(part.getFieldName(), value.get());
            }
        } catch (IOException | RuntimeException malformed) {
            // commons-fileupload reports a missing boundary or a truncated stream this way.
            return Optional.empty();
        }
        return Optional.of(new Form(fields));
    }

    private static boolean contains(byte[] bytes, byte[] wanted) {
        for (int start = 0; start + wanted.length <= bytes.length; start++) {
            if (Arrays.equals(bytes, start, start + wanted.length, wanted, 0, wanted.length)) {
                return true;
            }
        }
        return false;
    }

    private static Optional<String> readUtf8(InputStream in) throws IOException {
        try (in) {
            return strictUtf8(ByteBuffer.wrap(in.readAllBytes()));
        }
    }

    private static Optional<String> strictUtf8(ByteBuffer bytes) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes)
                    .toString());
        } catch (CharacterCodingException notUtf8) {
            return Optional.empty();
        }
    }

    /** The request as commons-fileupload wants to read it. */
    private record BodyContext(String contentType, byte[] body)
            implements org.apache.commons.fileupload2.core.RequestContext {

        @Override
        public String getCharacterEncoding() {
            return StandardCharsets.UTF_8.name();
        }

        @Override
        public long getContentLength() {
            return body.length;
        }

        @Override
        public String getContentType() {
            return contentType;
        }

        @Override
        public InputStream getInputStream() {
            return new ByteArrayInputStream(body);
        }

        @Override
        public boolean isMultipartRelated() {
            return false;
        }
    }
}
