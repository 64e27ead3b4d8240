package parking.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import parking.errors.ApiException;
import parking.paging.PageRequest;
import parking.testing.HostileText;

/**
 * Any query string gets a page within the contract's bounds or one
 * {@code 400 invalid parameters [..]} naming exactly the bad ones, {@code limit} before {@code cursor}.
 */
class PageRequestPropertiesTest {

    @Provide
    Arbitrary<String> values() {
        Arbitrary<String> cursors = Arbitraries.longs().between(1, Long.MAX_VALUE).map(PageRequest::cursorAfter);
        Arbitrary<String> base64OfAnything = Arbitraries.strings().ofMaxLength(40)
                .map(text -> Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8)));
        Arbitrary<String> limits = Arbitraries.integers().between(-5, 1005).map(String::valueOf);
        return Arbitraries.oneOf(HostileText.anything(), cursors, base64OfAnything, limits);
    }

    @Provide
    Arbitrary<Map<String, String>> queries() {
        return Arbitraries.maps(Arbitraries.of("limit", "cursor", "available", "x", "LIMIT", ""), values()).ofMaxSize(4);
    }

    @Property(tries = 3000)
    void anyQueryGetsABoundedPageOrNamesItsBadParametersInOrder(@ForAll("queries") Map<String, String> query) {
        HttpApiEvent event = HttpEvent.request();
        query.forEach(event::queryParameter);
        ParameterCheck check = new ParameterCheck(HttpEvent.asRequest(event));

        PageRequest page = check.page();

        List<String> bad = new ArrayList<>();
        if (query.containsKey("limit") && PageRequest.parseLimit(query.get("limit")).isEmpty()) {
            bad.add("limit");
        }
        if (query.containsKey("cursor") && PageRequest.decodeCursor(query.get("cursor")).isEmpty()) {
            bad.add("cursor");
        }
        try {
            check.throwIfAny();
            assertTrue(bad.isEmpty(), bad.toString());
            assertTrue(page.limit() >= 1 && page.limit() <= PageRequest.MAX_LIMIT, page.toString());
            assertTrue(page.afterId() >= 0, page.toString());
        } catch (ApiException refused) {
            assertEquals(400, refused.status());
            assertEquals("invalid parameters [" + String.join(", ", bad) + "]", refused.getMessage());
        }
    }

    @Property(tries = 1000)
    void everyLimitFrom1To1000IsAcceptedAndNothingElse(@ForAll @IntRange(min = -100_000, max = 100_000) int limit) {
        Optional<Integer> expected = limit >= 1 && limit <= 1000 ? Optional.of(limit) : Optional.empty();

        assertEquals(expected, PageRequest.parseLimit(Integer.toString(limit)));
    }

    @Property(tries = 1000)
    void everyCursorTheApiHandsOutReadsBackAsItsId(@ForAll @LongRange(min = 1, max = Long.MAX_VALUE) long lastId) {
        assertEquals(Optional.of(lastId), PageRequest.decodeCursor(PageRequest.cursorAfter(lastId)));
    }

    @Property(tries = 2000)
    void aCursorThatReadsAtAllNamesAPositiveId(@ForAll("values") String cursor) {
        PageRequest.decodeCursor(cursor).ifPresent(id -> assertTrue(id > 0, cursor));
    }

    @Property(tries = 200)
    void cursorBytesFlippedAtRandomNeverBreakTheDecoder(@ForAll @LongRange(min = 1, max = Long.MAX_VALUE) long lastId,
                                                       @ForAll @Size(min = 1, max = 4) List<@IntRange(min = 0, max = 255) Integer> flips) {
        char[] cursor = PageRequest.cursorAfter(lastId).toCharArray();
        for (int flip : flips) {
            cursor[flip % cursor.length] = (char) (cursor[flip % cursor.length] ^ (flip % 7 + 1));
        }
        String tampered = new String(cursor);

        PageRequest.decodeCursor(tampered).ifPresent(id -> assertTrue(id > 0, tampered));
    }
}
