package parking.functions.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import parking.functions.testing.Api;
import parking.functions.testing.Events;
import parking.functions.testing.LocalDynamo;
import parking.functions.users.UserHandlers;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;

/** What the handlers print is what CloudWatch keeps: one JSON line per request, and no credential ever. */
@ExtendWith(LocalDynamo.class)
class LogHygieneTest {

    private static final String PASSWORD = "Pa55word-in-the-log?";

    @Test
    void noPasswordHashTokenOrSecretReachesALogLine() {
        String name = Api.uniqueName("logged");
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        String token;
        try {
            Api.register(name, PASSWORD);
            token = Api.login(name, PASSWORD);
            UserHandlers.login().handleRequest(Events.request("POST", "/users/login")
                    .form("username", name, "password", PASSWORD + "x").build(), null);
            UserHandlers.get().handleRequest(Events.request("GET", "/users/{user_id}", "/users/1")
                    .pathParameter("user_id", "1").bearer(token).build(), null);
            UserHandlers.get().handleRequest(Events.request("GET", "/users/{user_id}", "/users/1")
                    .pathParameter("user_id", "1").bearer(token + "tampered").build(), null);
        } finally {
            System.setOut(original);
        }
        String hash = LocalDynamo.client().getItem(GetItemRequest.builder().tableName("UsersTable")
                .key(Map.of("pk", AttributeValue.fromS(name.toLowerCase()))).consistentRead(true).build())
                .item().get("password_hash").s();
        String log = captured.toString(StandardCharsets.UTF_8);

        List<String> lines = log.strip().lines().toList();
        assertEquals(5, lines.size(), log);
        for (String line : lines) {
            assertTrue(line.startsWith("{\"level\":") && line.endsWith("}"), line);
        }
        for (String secret : List.of(PASSWORD, hash, token, token.split("\\.")[2], LocalDynamo.JWT_SECRET)) {
            assertFalse(log.contains(secret), "a log line holds " + secret);
        }
    }
}
