package parking.paging;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * Items of one page, and the cursor of the next page when more items exist.
 *
 * @param items the page, in the list's order
 * @param nextCursor where the next page starts (after this page's last item), when at least one more item follows
 */
public record Page<T>(List<T> items, Optional<String> nextCursor) {

    /**
     * Cuts a result in ascending id order, fetched with {@code limit + 1} items, down to
     * {@code limit}; the extra item, if present, only proves that a next page exists.
     */
    public static <T> Page<T> of(List<T> fetched, int limit, ToLongFunction<T> id) {
        return cut(fetched, limit, last -> PageRequest.cursorAfter(id.applyAsLong(last)));
    }

    /** As {@link #of}, for a list in another order: {@code cursorAfter} names the position of an item. */
    public static <T> Page<T> cut(List<T> fetched, int limit, Function<T, String> cursorAfter) {
        if (fetched.size() <= limit) {
            return new Page<>(List.copyOf(fetched), Optional.empty());
        }
        List<T> items = List.copyOf(fetched.subList(0, limit));
        return new Page<>(items, Optional.of(cursorAfter.apply(items.get(limit - 1))));
    }
}
