package parking.functions.slots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static parking.functions.testing.ResponseAssertions.assertJson;
import static parking.functions.testing.ResponseAssertions.assertMessage;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import parking.functions.testing.LocalDynamo;

@ExtendWith(LocalDynamo.class)
class CreateSlotHandlerTest {

    private static final SlotApi API = new SlotApi();

    private final SlotApi.Caller owner = API.newCaller();

    private APIGatewayV2HTTPResponse create(String... form) {
        return API.create(owner, form);
    }

    /** A valid form with one field set to {@code value}: the first value of a repeated field counts. */
    private APIGatewayV2HTTPResponse createWith(String field, String value) {
        return create(field, value, "name", "A-01", "latitude", "45.0703", "longitude", "7.6869");
    }

    @Test
    void createsAFreeSlotOwnedByTheCallerAndAnswers201WithTheSlotAndItsLocation() {
        APIGatewayV2HTTPResponse response = create("name", "A-01", "latitude", "45.0703", "longitude", "7.6869");

        assertEquals(201, response.getStatusCode());
        assertEquals("application/json", response.getHeaders().get("Content-Type"));
        String location = response.getHeaders().get("Location");
        assertTrue(location.matches("/slots/[1-9][0-9]*"), location);
        String id = location.substring("/slots/".length());
        assertEquals("{\"id\":" + id + ",\"name\":\"A-01\",\"latitude\":45.0703,\"longitude\":7.6869,\"occupied\":false,"
                        + "\"owner_id\":" + owner.id() + ",\"reserved_by\":null,\"reserved_until\":null,"
                        + "\"updated_at\":\"" + API.clock().instant() + "\",\"status\":\"free\",\"sensor\":null}",
                response.getBody());
    }

    @Test
    void theCreatedSlotReadsBackTheSame() {
        APIGatewayV2HTTPResponse created = create("name", "B-07", "latitude", "-33.8688", "longitude", "151.2093", "occupied", "true");
        long id = Long.parseLong(created.getHeaders().get("Location").substring("/slots/".length()));

        assertEquals(created.getBody(), API.get(API.newCaller(), id).getBody());
    }

    @Test
    void givesSequentialPositiveIds() {
        long first = API.slotOf(owner);
        long second = API.slotOf(owner);

        assertTrue(first > 0);
        assertEquals(first + 1, second);
    }

    @Test
    void acceptsOccupiedAsTrueFalseOneOrZeroInAnyCase() {
        Map<String, Boolean> values = Map.of("true", true, "TRUE", true, "1", true, "false", false, "False", false, "0", false);
        values.forEach((raw, occupied) ->
                assertEquals(occupied, assertJson(201, createWith("occupied", raw)).get("occupied").asBoolean(), raw));
    }

    @Test
    void acceptsAMultipartForm() {
        APIGatewayV2HTTPResponse response = API.handlers().create().handleRequest(SlotApi.slots("POST").bearer(owner.token())
                .multipart("name", "M-1", "latitude", "1", "longitude", "2").build(), null);

        assertEquals("M-1", assertJson(201, response).get("name").asText());
    }

    @Test
    void keepsTheDigitsOfTheCoordinatesWithoutTrailingZerosOrExponent() {
        APIGatewayV2HTTPResponse created = create("name", "P", "latitude", "45.07030000", "longitude", "-0.00000001234567890123");
        long id = Long.parseLong(created.getHeaders().get("Location").substring("/slots/".length()));

        String expected = "\"latitude\":45.0703,\"longitude\":-0.00000001234567890123,";
        assertTrue(created.getBody().contains(expected), created.getBody());
        assertTrue(API.get(owner, id).getBody().contains(expected), "as stored");
    }

    @Test
    void writesWholeCoordinatesAsPlainIntegers() {
        APIGatewayV2HTTPResponse response = create("name", "P", "latitude", "90.00", "longitude", "-180");

        assertTrue(response.getBody().contains("\"latitude\":90,\"longitude\":-180,"), response.getBody());
    }

    @Test
    void acceptsCoordinatesAtTheirBounds() {
        for (String latitude : List.of("90", "-90", "0", "-0.0")) {
            assertEquals(201, createWith("latitude", latitude).getStatusCode(), latitude);
        }
        for (String longitude : List.of("180", "-180", "180.000")) {
            assertEquals(201, createWith("longitude", longitude).getStatusCode(), longitude);
        }
    }

    @Test
    void rejectsLatitudesThatAreNotPlainDecimalsInRange() {
        for (String bad : List.of("90.0001", "-91", "4.5e1", "NaN", "Infinity", "0x10", "45,07", " 45", "+45", ".5", "5.", "045", "")) {
            assertMessage(400, "invalid fields [latitude]", createWith("latitude", bad));
        }
    }

    @Test
    void rejectsLongitudesThatAreNotPlainDecimalsInRange() {
        for (String bad : List.of("180.5", "-181", "1E2", "abc", "7.6869 ")) {
            assertMessage(400, "invalid fields [longitude]", createWith("longitude", bad));
        }
    }

    @Test
    void acceptsNamesOfOneTo64Characters() {
        for (String good : List.of("A", "x".repeat(64), "\uD83C\uDD7F".repeat(64), "Piazza Castello 3 – posto 12")) {
            assertEquals(good, assertJson(201, createWith("name", good)).get("name").asText());
        }
    }

    @Test
    void rejectsNamesTooLongOrWithControlCharacters() {
        for (String bad : List.of("x".repeat(65), "tab\there", "new\nline", "nul\u0000", "del\u007f", "c1\u0085")) {
            assertMessage(400, "invalid fields [name]", createWith("name", bad));
        }
    }

    @Test
    void rejectsOccupiedOtherThanTrueFalseOneOrZero() {
        for (String bad : List.of("yes", "2", "", "truee")) {
            assertMessage(400, "invalid fields [occupied]", createWith("occupied", bad));
        }
    }

    @Test
    void answersMissingFormWithoutABody() {
        assertMessage(400, "missing form", API.handlers().create().handleRequest(SlotApi.slots("POST").bearer(owner.token()).build(), null));
    }

    @Test
    void answersMissingFormForAJsonBody() {
        assertMessage(400, "missing form", API.handlers().create().handleRequest(SlotApi.slots("POST").bearer(owner.token())
                .plainBody("application/json", "{\"name\":\"A\",\"latitude\":1,\"longitude\":2}").build(), null));
    }

    @Test
    void answersMissingFieldsInContractOrder() {
        assertMessage(400, "missing fields [name, latitude, longitude]", create("occupied", "true"));
    }

    @Test
    void answersMissingFieldsBeforeInvalidOnes() {
        assertMessage(400, "missing fields [longitude]", create("name", "", "latitude", "100"));
    }

    @Test
    void treatsEmptyFieldsAsInvalidInContractOrder() {
        assertMessage(400, "invalid fields [name, latitude, longitude, occupied]",
                create("occupied", "", "longitude", "", "latitude", "", "name", ""));
    }

    @Test
    void answers413ForABodyOver16KiB() {
        assertMessage(413, "payload too large", createWith("pad", "x".repeat(16 * 1024)));
    }
}
