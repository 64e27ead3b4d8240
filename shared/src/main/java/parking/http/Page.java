package parking.http;

import java.util.List;
import java.util.OptionalLong;

/**
 * Items of one page, and the id the next page starts after when more items exist.
 *
 * @param items the page, in ascending id order
 * @param nextAfter the last id of this page when at least one more item follows it
 */
public record Page<T>(List<T> items, OptionalLong nextAfter) {

    /**
     * Cuts a result fetched with {@code limit + 1} items down to {@code limit}; the extra item,
     * if present, only proves that a next page exists.
     */
    public static <T> Page<T> of(List<T> fetched, int limit, java.util.function.ToLongFunction<T> id) {
        if (fetched.size() <= limit) {
            return new Page<>(List.copyOf(fetched), OptionalLong.empty());
        }
        List<T> items = List.copyOf(fetched.subList(0, limit));
        return new Page<>(items, OptionalLong.of(id.applyAsLong(items.get(limit - 1))));
    }
}
