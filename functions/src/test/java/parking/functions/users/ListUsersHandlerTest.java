package parking.functions.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static parking.functions.testing.ResponseAssertions.assertMessage;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import parking.functions.testing.Api;
import parking.functions.testing.Events;
import parking.functions.testing.LocalDynamo;

@ExtendWith(LocalDynamo.class)
class ListUsersHandlerTest {

    private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");
    private static final Pattern NEXT = Pattern.compile("<(/users\\?([^>]*))>; rel=\"next\"");

    private static String token;
    private static final List<Long> created = new ArrayList<>();
    private final ListUsersHandler handler = UserHandlers.list();

    @BeforeAll
    static void createUsers() {
        token = Api.tokenOfNewUser();
        for (int i = 0; i < 5; i++) {
            created.add(Api.register(Api.uniqueName("list"), "secret123"));
        }
    }

    private APIGatewayV2HTTPResponse list(String query) {
        return handler.handleRequest(Events.request("GET", "/users").query(query).bearer(token).build(), null);
    }

    private static List<Long> ids(APIGatewayV2HTTPResponse response) {
        List<Long> ids = new ArrayList<>();
        Matcher matcher = ID.matcher(response.getBody());
        while (matcher.find()) {
            ids.add(Long.parseLong(matcher.group(1)));
        }
        return ids;
    }

    @Test
    void listsUsersAsABareJsonArrayInAscendingIdOrder() {
        APIGatewayV2HTTPResponse response = list("");

        assertEquals(200, response.getStatusCode());
        assertEquals("application/json", response.getHeaders().get("Content-Type"));
        assertTrue(response.getBody().startsWith("[{\"id\":"));
        List<Long> ids = ids(response);
        assertEquals(ids.stream().sorted().toList(), ids);
        assertTrue(ids.containsAll(created));
        assertNull(response.getHeaders().get("Link"), "everything fits in the default page of 100");
    }

    @Test
    void neverShowsPasswordHashes() {
        assertTrue(!list("").getBody().contains("$2a$") && !list("").getBody().contains("password"));
    }

    @Test
    void pagesThroughEveryUserOnceFollowingTheLinkHeader() {
        List<Long> all = ids(list("limit=1000"));
        List<Long> paged = new ArrayList<>();
        String query = "limit=2";
        int pages = 0;
        while (query != null) {
            APIGatewayV2HTTPResponse page = list(query);
            List<Long> ids = ids(page);
            assertTrue(ids.size() <= 2);
            paged.addAll(ids);
            pages++;
            String link = page.getHeaders().get("Link");
            if (link == null) {
                query = null;
            } else {
                Matcher next = NEXT.matcher(link);
                assertTrue(next.matches(), link);
                query = next.group(2);
                assertTrue(query.startsWith("limit=2&cursor="), query);
            }
        }
        assertEquals(all, paged);
        assertEquals((all.size() + 1) / 2, pages);
    }

    @Test
    void omitsTheLinkOnAnExactlyFullLastPage() {
        int total = ids(list("limit=1000")).size();

        assertNull(list("limit=" + total).getHeaders().get("Link"));
    }

    @Test
    void rejectsALimitOutsideOneToAThousand() {
        for (String limit : List.of("0", "1001", "abc", "", "-1", "2.5")) {
            assertMessage(400, "invalid parameters [limit]", list("limit=" + limit));
        }
    }

    @Test
    void rejectsACursorItDidNotIssue() {
        assertMessage(400, "invalid parameters [cursor]", list("cursor=bogus!"));
    }

    @Test
    void namesEveryBadParameterInOrder() {
        assertMessage(400, "invalid parameters [limit, cursor]", list("cursor=bogus!&limit=0"));
    }

    @Test
    void requiresAToken() {
        assertMessage(401, "missing token", handler.handleRequest(Events.request("GET", "/users").build(), null));
    }
}
