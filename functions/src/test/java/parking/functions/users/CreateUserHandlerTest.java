package parking.functions.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static parking.functions.testing.ResponseAssertions.assertMessage;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import parking.functions.testing.Api;
import parking.functions.testing.Events;
import parking.functions.testing.LocalDynamo;
import parking.http.HttpApiEvent;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;

@ExtendWith(LocalDynamo.class)
class CreateUserHandlerTest {

    private final CreateUserHandler handler = UserHandlers.create();

    private APIGatewayV2HTTPResponse post(HttpApiEvent request) {
        return handler.handleRequest(request.build(), null);
    }

    private static HttpApiEvent create() {
        return Events.request("POST", "/users");
    }

    @Test
    void createsAUserAndAnswers201OkWithItsLocation() {
        String name = Api.uniqueName("alice");
        APIGatewayV2HTTPResponse response = post(create().form("username", name, "password", "secret123"));

        assertEquals(201, response.getStatusCode());
        assertEquals("OK", response.getBody());
        assertEquals("text/plain; charset=utf-8", response.getHeaders().get("Content-Type"));
        assertTrue(response.getHeaders().get("Location").matches("/users/[1-9][0-9]*"));
    }

    @Test
    void acceptsAMultipartForm() {
        APIGatewayV2HTTPResponse response = post(create().multipart("username", Api.uniqueName("multi"), "password", "secret123"));

        assertEquals(201, response.getStatusCode());
    }

    @Test
    void acceptsAPlainBodyWithTitleCaseHeadersAsSamLocalSendsIt() {
        var event = Events.request("POST", "/users").build();
        event.setHeaders(Map.of("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8"));
        event.setBody("username=" + Api.uniqueName("plain") + "&password=secret123");
        event.setIsBase64Encoded(false);

        assertEquals(201, handler.handleRequest(event, null).getStatusCode());
    }

    @Test
    void givesSequentialPositiveIds() {
        long first = Api.register(Api.uniqueName("seq"), "secret123");
        long second = Api.register(Api.uniqueName("seq"), "secret123");

        assertTrue(first > 0);
        assertEquals(first + 1, second);
    }

    @Test
    void answersMissingFormWithoutABody() {
        assertMessage(400, "missing form", post(create()));
    }

    @Test
    void answersMissingFormForAJsonBody() {
        assertMessage(400, "missing form", post(create().plainBody("application/json", "{\"username\":\"bob\",\"password\":\"secret123\"}")));
    }

    @Test
    void answersMissingFormForMultipartWithoutBoundary() {
        assertMessage(400, "missing form", post(create().body("multipart/form-data", "x".getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void answersMissingFieldsInContractOrder() {
        assertMessage(400, "missing fields [username, password]", post(create().form("other", "x")));
    }

    @Test
    void answersMissingFieldsBeforeInvalidOnes() {
        assertMessage(400, "missing fields [password]", post(create().form("username", "x")));
    }

    @Test
    void treatsAnEmptyFieldAsInvalidNotMissing() {
        assertMessage(400, "invalid fields [username, password]", post(create().form("username", "", "password", "")));
    }

    @Test
    void rejectsUsernamesOutsideTheRules() {
        for (String bad : List.of("ab", "a".repeat(33), "bad name", "bad/name", "émile", "tab\tname")) {
            assertMessage(400, "invalid fields [username]", post(create().form("username", bad, "password", "secret123")));
        }
    }

    @Test
    void acceptsUsernamesAtTheLimitsOfTheRules() {
        for (String good : List.of("a_b", "A.b-" + "x".repeat(24) + "zz")) {
            assertEquals(201, post(create().form("username", good, "password", "secret123")).getStatusCode(), good);
        }
    }

    @Test
    void rejectsPasswordsShorterThanEightBytesLongerThan72OrWithNul() {
        String name = Api.uniqueName("pw");
        for (String bad : List.of("1234567", "x".repeat(73), "é".repeat(37), "secret\u0000123")) {
            assertMessage(400, "invalid fields [password]", post(create().form("username", name, "password", bad)));
        }
    }

    @Test
    void acceptsAPasswordOfExactly72BytesAndChecksEveryByte() {
        String name = Api.uniqueName("long");
        String password = "é".repeat(35) + "ab";
        Api.register(name, password);

        var login = UserHandlers.login();
        String almost = "é".repeat(35) + "ac";
        assertEquals(401, login.handleRequest(Events.request("POST", "/users/login")
                .form("username", name, "password", almost).build(), null).getStatusCode());
        assertEquals(200, login.handleRequest(Events.request("POST", "/users/login")
                .form("username", name, "password", password).build(), null).getStatusCode());
    }

    @Test
    void answersUsernameConflictForTheSameNameInAnyCase() {
        String name = Api.uniqueName("Carol");
        Api.register(name, "secret123");

        assertMessage(409, "username conflict", post(create().form("username", name.toUpperCase(), "password", "other1234")));
        assertMessage(409, "username conflict", post(create().form("username", name.toLowerCase(), "password", "other1234")));
    }

    @Test
    void usesTheFirstValueOfARepeatedField() {
        String name = Api.uniqueName("first");
        assertEquals(201, post(create().form("username", name, "username", "second", "password", "secret123")).getStatusCode());

        assertEquals(200, UserHandlers.login().handleRequest(Events.request("POST", "/users/login")
                .form("username", name, "password", "secret123").build(), null).getStatusCode());
    }

    @Test
    void storesTheUsernameAsGivenAndOnlyABcryptHashOfThePassword() {
        String name = Api.uniqueName("MixedCase");
        Api.register(name, "secret123");

        var item = LocalDynamo.client().getItem(GetItemRequest.builder()
                .tableName("UsersTable")
                .key(Map.of("pk", AttributeValue.fromS(name.toLowerCase())))
                .consistentRead(true)
                .build()).item();
        assertEquals(name, item.get("username").s());
        assertTrue(item.get("password_hash").s().startsWith("$2a$"));
        assertTrue(item.values().stream().noneMatch(v -> "secret123".equals(v.s())));
    }

    @Test
    void answers413ForABodyOver16KiB() {
        String name = Api.uniqueName("big");
        assertMessage(413, "payload too large", post(create().form("username", name, "password", "secret123", "pad", "x".repeat(16 * 1024))));
    }

    @Test
    void answers413BeforeLookingAtTheForm() {
        assertMessage(413, "payload too large", post(create().plainBody("application/json", "x".repeat(16 * 1024 + 1))));
    }

    @Test
    void oneOfTwentySimultaneousCreationsOfOneUsernameWins() throws Exception {
        String name = Api.uniqueName("race");
        int threads = 20;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Callable<Integer>> attempts = IntStream.range(0, threads)
                    .<Callable<Integer>>mapToObj(i -> () -> {
                        start.await();
                        String variant = i % 2 == 0 ? name : name.toUpperCase();
                        return post(create().form("username", variant, "password", "secret123")).getStatusCode();
                    })
                    .toList();
            List<Future<Integer>> results = attempts.stream().map(pool::submit).toList();
            start.countDown();
            long created = 0;
            long conflicts = 0;
            for (Future<Integer> result : results) {
                int status = result.get();
                created += status == 201 ? 1 : 0;
                conflicts += status == 409 ? 1 : 0;
            }
            assertEquals(1, created);
            assertEquals(19, conflicts);
        } finally {
            pool.shutdownNow();
        }
    }
}
