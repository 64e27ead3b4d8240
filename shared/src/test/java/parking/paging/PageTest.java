package parking.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PageTest {

    @Test
    void fetchedItemsUpToTheLimitAreTheLastPage() {
        Page<Long> page = Page.of(List.of(1L, 2L), 2, Long::longValue);

        assertEquals(List.of(1L, 2L), page.items());
        assertEquals(Optional.empty(), page.nextCursor());
    }

    @Test
    void fewerItemsThanTheLimitAreTheLastPage() {
        assertEquals(Optional.empty(), Page.of(List.of(5L), 100, Long::longValue).nextCursor());
        assertEquals(List.of(), Page.of(List.<Long>of(), 100, Long::longValue).items());
    }

    @Test
    void oneExtraFetchedItemIsCutAndNamesTheNextPageStart() {
        Page<Long> page = Page.of(List.of(3L, 7L, 9L), 2, Long::longValue);

        assertEquals(List.of(3L, 7L), page.items());
        assertEquals(Optional.of(PageRequest.cursorAfter(7)), page.nextCursor());
    }
}
