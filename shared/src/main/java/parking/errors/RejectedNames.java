package parking.errors;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The names of a request's fields or parameters that break one kind of rule, in the order they
 * were checked (callers keep the contract's order), and the contract's 400 for them:
 * {@code <problem> [name, name]}, the names joined by {@code ", "}.
 */
public final class RejectedNames {

    private final String problem;
    private final List<String> names = new ArrayList<>();

    /** {@code problem} opens the message: {@code "missing fields"}, {@code "invalid parameters"}. */
    public RejectedNames(String problem) {
        this.problem = problem;
    }

    public void add(String name) {
        names.add(name);
    }

    /** {@code raw} parsed; empty when absent, or when {@code parser} refuses it, and then {@code name} is recorded. */
    public <T> Optional<T> parse(String name, Optional<String> raw, Function<String, Optional<T>> parser) {
        return raw.flatMap(value -> {
            Optional<T> parsed = parser.apply(value);
            if (parsed.isEmpty()) {
                names.add(name);
            }
            return parsed;
        });
    }

    /**
     * @throws ApiException 400 {@code <problem> [..]} when any name was recorded
     */
    public void throwIfAny() {
        if (!names.isEmpty()) {
            throw ApiException.badRequest(problem + " [" + String.join(", ", names) + "]");
        }
    }
}
