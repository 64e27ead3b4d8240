package parking.form;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** A decoded form: each field's first value, in the order the fields first appeared. */
public final class Form {

    private final Map<String, String> fields;

    Form(Map<String, String> firstValues) {
        this.fields = Collections.unmodifiableMap(new LinkedHashMap<>(firstValues));
    }

    /** The first value sent for {@code name}; an empty string means "sent but empty". */
    public Optional<String> get(String name) {
        return Optional.ofNullable(fields.get(name));
    }

    public Map<String, String> asMap() {
        return fields;
    }
}
