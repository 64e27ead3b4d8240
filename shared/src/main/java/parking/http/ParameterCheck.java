package parking.http;

import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;
import parking.errors.ApiException;
import parking.errors.RejectedNames;
import parking.paging.PageRequest;

/**
 * Reads query parameters and collects the invalid ones, in the order they are read (callers keep
 * the contract's order: {@code limit}, {@code cursor}, then the route's filters), for one
 * {@code 400 invalid parameters [..]}. Unknown parameters are ignored.
 */
public final class ParameterCheck {

    private final Request request;
    private final RejectedNames invalid = new RejectedNames("invalid parameters");

    public ParameterCheck(Request request) {
        this.request = request;
    }

    /** Reads {@code limit} and an id-order {@code cursor}, recording invalid ones. */
    public PageRequest page() {
        int limit = limit();
        long after = optional("cursor", PageRequest::decodeCursor).orElse(0L);
        return new PageRequest(after, limit);
    }

    /**
     * Reads {@code limit} and a distance-order {@code cursor}; a cursor of an id-order list is
     * invalid here, as a distance cursor is in {@link #page()}.
     */
    public PageRequest pageByDistance() {
        int limit = limit();
        Optional<PageRequest> after = optional("cursor", cursor -> PageRequest.decodeDistanceCursor(cursor, limit));
        return after.orElse(new PageRequest(0, OptionalDouble.empty(), limit));
    }

    private int limit() {
        return optional("limit", PageRequest::parseLimit).orElse(PageRequest.DEFAULT_LIMIT);
    }

    /** The parsed parameter, empty when absent or invalid (recorded). */
    public <T> Optional<T> optional(String name, Function<String, Optional<T>> parser) {
        return invalid.parse(name, request.query(name), parser);
    }

    /**
     * @throws ApiException 400 {@code invalid parameters [..]} when any parameter was invalid
     */
    public void throwIfAny() {
        invalid.throwIfAny();
    }
}
