package parking.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Writes response bodies with Jackson's streaming generator: no reflection, no object mapper to
 * warm up, and field order exactly as each writer states it.
 */
public final class JsonWriter {

    /** Writes one resource as a JSON object's fields. */
    @FunctionalInterface
    public interface Fields<T> {
        void write(JsonGenerator json, T value) throws IOException;
    }

    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonWriter() {
    }

    public static <T> String object(T value, Fields<T> fields) {
        return write(json -> writeObject(json, value, fields));
    }

    public static <T> String array(List<T> values, Fields<T> fields) {
        return write(json -> {
            json.writeStartArray();
            for (T value : values) {
                writeObject(json, value, fields);
            }
            json.writeEndArray();
        });
    }

    private static <T> void writeObject(JsonGenerator json, T value, Fields<T> fields) throws IOException {
        json.writeStartObject();
        fields.write(json, value);
        json.writeEndObject();
    }

    private interface Body {
        void write(JsonGenerator json) throws IOException;
    }

    private static String write(Body body) {
        StringWriter out = new StringWriter(256);
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            body.write(json);
        } catch (IOException cannotHappenOnAStringWriter) {
            throw new UncheckedIOException(cannotHappenOnAStringWriter);
        }
        return out.toString();
    }
}
