package parking.http;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import parking.errors.ApiException;
import parking.paging.PageRequest;

class PageRequestTest {

    /** Query parameters as API Gateway hands them over, in the order given. */
    private static ParameterCheck query(String... namesAndValues) {
        Map<String, String> query = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            query.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder().withQueryStringParameters(query).build();
        return new ParameterCheck(new Request(event, 0, Optional.empty()));
    }

    private static String base64Url(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void withoutParametersTheFirstPageHasTheDefaultLimit() {
        ParameterCheck check = query();
        PageRequest page = check.page();

        assertEquals(new PageRequest(0, 100), page);
        assertDoesNotThrow(check::throwIfAny);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "2", "100", "999", "1000"})
    void limitFromOneToOneThousandIsAccepted(String limit) {
        ParameterCheck check = query("limit", limit);

        assertEquals(Integer.parseInt(limit), check.page().limit());
        assertDoesNotThrow(check::throwIfAny);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "1001", "10000", "abc", "", "-1", "01", "+5", " 5", "5 ", "1e2", "2147483648", "99999999999"})
    void otherLimitIsAnInvalidParameter(String limit) {
        ParameterCheck check = query("limit", limit);
        check.page();

        ApiException failure = assertThrows(ApiException.class, check::throwIfAny);
        assertEquals(400, failure.status());
        assertEquals("invalid parameters [limit]", failure.getMessage());
    }

    @Test
    void cursorRoundTripsTheLastIdServed() {
        assertEquals(Optional.of(42L), PageRequest.decodeCursor(PageRequest.cursorAfter(42)));
        assertEquals(Optional.of(Long.MAX_VALUE), PageRequest.decodeCursor(PageRequest.cursorAfter(Long.MAX_VALUE)));
    }

    @Test
    void cursorIsUrlSafe() {
        for (long id : new long[] {1, 62, 63, 1234567, Long.MAX_VALUE}) {
            assertTrue(PageRequest.cursorAfter(id).matches("[A-Za-z0-9_-]+"), () -> "cursor for " + id);
        }
    }

    @Test
    void cursorParameterSetsWhereThePageStarts() {
        ParameterCheck check = query("limit", "2", "cursor", PageRequest.cursorAfter(7));

        assertEquals(new PageRequest(7, 2), check.page());
        assertDoesNotThrow(check::throwIfAny);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "garbage!", "***", "aWQ6", "7", "id:7"})
    void garbageCursorIsAnInvalidParameter(String cursor) {
        ParameterCheck check = query("cursor", cursor);
        check.page();

        assertEquals("invalid parameters [cursor]", assertThrows(ApiException.class, check::throwIfAny).getMessage());
    }

    @Test
    void cursorThatDecodesToSomethingElseThanAPositiveIdIsInvalid() {
        for (String inside : new String[] {"id:0", "id:-1", "id:01", "id:", "id:9223372036854775808", "ID:7", "id:7 ", "x:7"}) {
            assertTrue(PageRequest.decodeCursor(base64Url(inside)).isEmpty(), inside);
        }
    }

    @Test
    void badLimitAndCursorAreBothReportedInReadOrder() {
        ParameterCheck check = query("cursor", "garbage!", "limit", "0");
        check.page();

        assertEquals("invalid parameters [limit, cursor]", assertThrows(ApiException.class, check::throwIfAny).getMessage());
    }

    @Test
    void unknownParametersAreIgnored() {
        ParameterCheck check = query("sort", "desc", "limit", "5");

        assertEquals(5, check.page().limit());
        assertDoesNotThrow(check::throwIfAny);
    }
}
