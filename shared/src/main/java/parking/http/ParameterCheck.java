package parking.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads query parameters and collects the invalid ones, in the order they are read (callers keep
 * the contract's order: {@code limit}, {@code cursor}, then the route's filters), for one
 * {@code 400 invalid parameters [..]}. Unknown parameters are ignored.
 */
public final class ParameterCheck {

    private final Request request;
    private final List<String> invalid = new ArrayList<>();

    public ParameterCheck(Request request) {
        this.request = request;
    }

    /** The parsed parameter, empty when absent or invalid (recorded). */
    public <T> Optional<T> optional(String name, Function<String, Optional<T>> parser) {
        Optional<String> raw = request.query(name);
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        Optional<T> value = parser.apply(raw.get());
        if (value.isEmpty()) {
            invalid.add(name);
        }
        return value;
    }

    /**
     * @throws ApiException 400 {@code invalid parameters [..]} when any parameter was invalid
     */
    public void throwIfAny() {
        if (!invalid.isEmpty()) {
            throw ApiException.badRequest("invalid parameters [" + String.join(", ", invalid) + "]");
        }
    }
}
