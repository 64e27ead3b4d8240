package parking.functions.slots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static parking.functions.testing.ResponseAssertions.assertJson;
import static parking.functions.testing.ResponseAssertions.assertMessage;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import parking.functions.testing.Api;
import parking.functions.testing.Events;
import parking.functions.testing.LocalDynamo;
import parking.functions.users.UserHandlers;

/** Input meant to break things gets the contract's answer, and nothing else. */
@ExtendWith(LocalDynamo.class)
class HostileInputTest {

    private static final SlotApi API = new SlotApi();
    private static final List<String> NOT_IDS = List.of("0", "-1", "01", "+1", "1e3", "0x10", "1.0", " 1", "99999999999999999999", "9223372036854775808");
    private static final List<String> CONTROL_CHARACTERS = List.of("\u0000", "\u0001", "\t", "\n", "\r", "\u001b", "\u007f", "\u0085", "\u009b");

    private final SlotApi.Caller owner = API.newCaller();

    @Test
    void pathIdsThatAreNotPositiveIntegersAre404OnEverySlotRoute() {
        for (String id : NOT_IDS) {
            assertMessage(404, "slot not found", API.handlers().get().handleRequest(SlotApi.slot("GET", id).bearer(owner.token()).build(), null));
            assertMessage(404, "slot not found", API.handlers().update().handleRequest(
                    SlotApi.slot("PATCH", id).bearer(owner.token()).form("name", "x").build(), null));
            assertMessage(404, "slot not found", API.handlers().delete().handleRequest(SlotApi.slot("DELETE", id).bearer(owner.token()).build(), null));
            assertMessage(404, "slot not found", API.handlers().reserve().handleRequest(
                    SlotApi.reservation("POST", id).bearer(owner.token()).build(), null));
            assertMessage(404, "slot not found", API.handlers().release().handleRequest(
                    SlotApi.reservation("DELETE", id).bearer(owner.token()).build(), null));
        }
    }

    @Test
    void aBadFormOnABadIdIsStillA400BecauseBadInputComesBeforeNotFound() {
        assertMessage(400, "missing form", API.handlers().update().handleRequest(SlotApi.slot("PATCH", "0").bearer(owner.token()).build(), null));
    }

    @Test
    void controlCharactersMakeUsernamesAndSlotNamesInvalid() {
        for (String control : CONTROL_CHARACTERS) {
            assertMessage(400, "invalid fields [username]", UserHandlers.create().handleRequest(Events.request("POST", "/users")
                    .form("username", "abc" + control, "password", "secret123").build(), null));
            assertMessage(400, "invalid fields [name]",
                    API.create(owner, "name", "A" + control + "1", "latitude", "1", "longitude", "1"));
        }
    }

    @Test
    void unicodeSlotNamesAndPasswordsRoundTripExactly() {
        String name = "Piazza Castello \u2602 \ud83d\ude97 \u00e9\u0301 \u202e";
        JsonNode slot = assertJson(201, API.create(owner, "name", name, "latitude", "45", "longitude", "7"));
        assertEquals(name, slot.get("name").asText());

        String username = Api.uniqueName("uni");
        String password = "p\u00e4\u00df\u0175\u00f6rd \ud83d\udd11";
        Api.register(username, password);
        assertEquals(200, UserHandlers.login().handleRequest(Events.request("POST", "/users/login")
                .multipart("username", username, "password", password).build(), null).getStatusCode());
    }

    @Test
    void jsonMetacharactersInANameAreEscapedNotInterpreted() {
        String name = "\"},{\"id\":1,\"x\":\"</script>\\";

        JsonNode slot = assertJson(201, API.create(owner, "name", name, "latitude", "1", "longitude", "1"));

        assertEquals(name, slot.get("name").asText());
        assertEquals(11, slot.size());
    }

    @Test
    void anOversizedAuthorizationHeaderIsAnInvalidToken() {
        String huge = "a".repeat(64 * 1024) + "." + "b".repeat(64 * 1024) + "." + "c".repeat(64 * 1024);

        APIGatewayV2HTTPResponse response = API.handlers().list().handleRequest(SlotApi.slots("GET").bearer(huge).build(), null);

        assertMessage(401, "invalid token", response);
    }

    @Test
    void oversizedQueryParametersAreInvalidParameters() {
        Function<String, APIGatewayV2HTTPResponse> list = query -> API.list(owner, query);

        assertMessage(400, "invalid parameters [limit]", list.apply("limit=" + "9".repeat(10_000)));
        assertMessage(400, "invalid parameters [cursor]", list.apply("cursor=" + "A".repeat(100_000)));
        assertMessage(400, "invalid parameters [owner_id]", list.apply("owner_id=" + "1".repeat(10_000)));
        assertMessage(400, "invalid parameters [available]", list.apply("available=" + "true".repeat(10_000)));
    }

    @Test
    void aFloodOfFieldsWithinTheSizeLimitIsJustAForm() {
        String[] form = new String[2 * 2000];
        for (int i = 0; i < 2000; i++) {
            form[2 * i] = "f" + i;
            form[2 * i + 1] = "";
        }

        assertMessage(400, "missing fields [name, latitude, longitude]", API.create(owner, form));
    }
}
