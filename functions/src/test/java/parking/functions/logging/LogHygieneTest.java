package parking.functions.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import parking.functions.slots.SlotApi;
import parking.functions.testing.Api;
import parking.functions.testing.Events;
import parking.functions.testing.LocalDynamo;
import parking.functions.users.UserHandlers;
import parking.sensors.SensorKey;
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

    @Test
    void noAnswerAfterTheIssueAndNoLogLineHoldsASensorKeyOrItsHash() {
        SlotApi api = new SlotApi();
        SlotApi.Caller owner = api.newCaller();
        long id = api.slotOf(owner);
        List<APIGatewayV2HTTPResponse> answers = new ArrayList<>();
        AtomicReference<String> issued = new AtomicReference<>();
        String log = StandardOutput.printedBy(() -> {
            issued.set(api.sensorKeyOf(owner, id));
            String key = issued.get();
            String late = api.clock().instant().minusSeconds(30).toString();
            answers.add(api.report(key, id, "occupied", "true"));
            answers.add(api.report(key, id, "occupied", "false", "observed_at", late));
            answers.add(api.report(key, id, "occupied", "maybe"));
            answers.add(api.report(key + "x", id, "occupied", "true"));
            answers.add(api.report(key.substring(0, 4) + "B".repeat(43), id, "occupied", "true"));
            answers.add(api.report(key, id + 1000, "occupied", "true"));
            answers.add(api.get(new SlotApi.Caller(owner.id(), key), id));
            answers.add(api.get(owner, id));
            answers.add(api.list(owner, "owner_id=" + owner.id()));
            answers.add(api.list(owner, "near=45.0703,7.6869&status=occupied"));
            answers.add(api.revokeSensorKey(owner, id));
            answers.add(api.report(key, id, "occupied", "true"));
        });
        String key = issued.get();
        // What the item held until the revocation (IssueSensorKeyHandlerTest holds it against the stored one).
        String hash = SensorKey.parse(key).orElseThrow().hash();

        for (String secret : List.of(key, key.substring(4), hash)) {
            assertFalse(log.contains(secret), "a log line holds " + secret);
            for (APIGatewayV2HTTPResponse answer : answers) {
                assertFalse(answer.getBody().contains(secret) || answer.getHeaders().toString().contains(secret),
                        "an answer holds " + secret + ": " + answer.getBody());
            }
        }
    }
}
