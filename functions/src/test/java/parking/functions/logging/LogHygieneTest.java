package parking.functions.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import parking.functions.testing.Api;
import parking.functions.testing.Events;
import parking.functions.testing.LocalDynamo;
import parking.functions.users.UserHandlers;
import parking.testing.StandardOutput;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;

/** What the handlers print is what CloudWatch keeps: one JSON line per request, and no credential ever. */
@ExtendWith(LocalDynamo.class)
class LogHygieneTest {

    private static final String PASSWORD = "Pa55word-in-the-log?";

    @Test
    void noPasswordHashTokenOrSecretReachesALogLine() {
        String name = Api.uniqueName("logged");
        AtomicReference<String> token = new AtomicReference<>();
        String log = StandardOutput.printedBy(() -> {
            Api.register(name, PASSWORD);
            token.set(Api.login(name, PASSWORD));
            UserHandlers.login().handleRequest(Events.request("POST", "/users/login")
                    .form("username", name, "password", PASSWORD + "x").build(), null);
            UserHandlers.get().handleRequest(Events.request("GET", "/users/{user_id}", "/users/1")
                    .pathParameter("user_id", "1").bearer(token.get()).build(), null);
            UserHandlers.get().handleRequest(Events.request("GET", "/users/{user_id}", "/users/1")
                    .pathParameter("user_id", "1").bearer(token.get() + "tampered").build(), null);
        });
        String hash = LocalDynamo.client().getItem(GetItemRequest.builder().tableName("UsersTable")
                .key(Map.of("pk", AttributeValue.fromS(name.toLowerCase()))).consistentRead(true).build())
                .item().get("password_hash").s();

        List<String> lines = log.strip().lines().toList();
        assertEquals(5, lines.stream().filter(line -> line.startsWith("{\"level\":")).count(), "one line per request: " + log);
        for (String line : lines) {
            assertTrue(line.startsWith("{") && line.endsWith("}"), "every line is a JSON object: " + line);
        }
        for (String secret : List.of(PASSWORD, hash, token.get(), token.get().split("\\.")[2], LocalDynamo.JWT_SECRET)) {
            assertFalse(log.contains(secret), "a log line holds " + secret);
        }
    }
}
