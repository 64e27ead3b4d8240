package parking.form;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import parking.errors.ApiException;

/**
 * Collects the fields of one form that are missing or invalid, in the order they are checked
 * (which callers keep equal to the contract's field order), and reports them as the contract's
 * {@code missing fields [..]} or, when nothing is missing, {@code invalid fields [..]}.
 *
 * <p>Typical use: read every field, then call {@link #throwIfAny()} before using any value.
 */
public final class FieldCheck {

    private final Form form;
    private final List<String> missing = new ArrayList<>();
    private final List<String> invalid = new ArrayList<>();

    public FieldCheck(Form form) {
        this.form = form;
    }

    /**
     * The parsed value of a required field; null when missing or invalid (recorded for
     * {@link #throwIfAny()}). A field sent but empty counts as invalid, not missing.
     */
    public <T> T required(String name, Function<String, Optional<T>> parser) {
        Optional<String> raw = form.get(name);
        if (raw.isEmpty()) {
            missing.add(name);
            return null;
        }
        return parse(name, raw.get(), parser).orElse(null);
    }

    /**
     * The parsed value of an optional field, empty when not sent or invalid (recorded). A field
     * sent but empty counts as invalid.
     */
    public <T> Optional<T> optional(String name, Function<String, Optional<T>> parser) {
        return form.get(name).flatMap(raw -> parse(name, raw, parser));
    }

    /** Records {@code names} as missing together, for "send at least one of" rules. */
    public void missing(List<String> names) {
        missing.addAll(names);
    }

    private <T> Optional<T> parse(String name, String raw, Function<String, Optional<T>> parser) {
        // The contract makes a field sent but empty invalid, whatever the field's own rule says.
        Optional<T> value = raw.isEmpty() ? Optional.empty() : parser.apply(raw);
        if (value.isEmpty()) {
            invalid.add(name);
        }
        return value;
    }

    /**
     * @throws ApiException 400 {@code missing fields [..]} when any field is missing, else
     *     400 {@code invalid fields [..]} when any is invalid
     */
    public void throwIfAny() {
        if (!missing.isEmpty()) {
            throw ApiException.badRequest("missing fields [" + String.join(", ", missing) + "]");
        }
        if (!invalid.isEmpty()) {
            throw ApiException.badRequest("invalid fields [" + String.join(", ", invalid) + "]");
        }
    }
}
