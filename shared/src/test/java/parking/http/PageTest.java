package parking.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class PageTest {

    @Test
    void fetchedItemsUpToTheLimitAreTheLastPage() {
        Page<Long> page = Page.of(List.of(1L, 2L), 2, Long::longValue);

        assertEquals(List.of(1L, 2L), page.items());
        assertEquals(OptionalLong.empty(), page.nextAfter());
    }

    @Test
    void fewerItemsThanTheLimitAreTheLastPage() {
        assertEquals(OptionalLong.empty(), Page.of(List.of(5L), 100, Long::longValue).nextAfter());
        assertEquals(List.of(), Page.of(List.<Long>of(), 100, Long::longValue).items());
    }

    @Test
    void oneExtraFetchedItemIsCutAndNamesTheNextPageStart() {
        Page<Long> page = Page.of(List.of(3L, 7L, 9L), 2, Long::longValue);

        assertEquals(List.of(3L, 7L), page.items());
        assertEquals(OptionalLong.of(7), page.nextAfter());
    }
}
