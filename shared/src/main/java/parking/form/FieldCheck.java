package parking.form;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import parking.errors.ApiException;
import parking.errors.RejectedNames;

/**
 * Collects the fields of one form that are missing or invalid, in the order they are checked
 * (which callers keep equal to the contract's field order), and reports them as the contract's
 * {@code missing fields [..]} or, when nothing is missing, {@code invalid fields [..]}.
 *
 * <p>Typical use: read every field, then call {@link #throwIfAny()} before using any value.
 */
public final class FieldCheck {

    private final Form form;
    private final RejectedNames missing = new RejectedNames("missing fields");
    private final RejectedNames invalid = new RejectedNames("invalid fields");

    public FieldCheck(Form form) {
        this.form = form;
    }

    /**
     * The parsed value of a required field; null when missing or invalid (recorded for
     * {@link #throwIfAny()}). A field sent but empty counts as invalid, not missing.
     */
    public <T> T required(String name, Function<String, Optional<T>> parser) {
        if (form.get(name).isEmpty()) {
            missing.add(name);
            return null;
        }
        return optional(name, parser).orElse(null);
    }

    /**
     * The parsed value of an optional field, empty when not sent or invalid (recorded). A field
     * sent but empty counts as invalid.
     */
    public <T> Optional<T> optional(String name, Function<String, Optional<T>> parser) {
        // The contract makes a field sent but empty invalid, whatever the field's own rule says.
        return invalid.parse(name, form.get(name), raw -> raw.isEmpty() ? Optional.empty() : parser.apply(raw));
    }

    /** Records {@code names} as missing together, for "send at least one of" rules. */
    public void missing(List<String> names) {
        names.forEach(missing::add);
    }

    /**
     * @throws ApiException 400 {@code missing fields [..]} when any field is missing, else
     *     400 {@code invalid fields [..]} when any is invalid
     */
    public void throwIfAny() {
        missing.throwIfAny();
        invalid.throwIfAny();
    }
}
