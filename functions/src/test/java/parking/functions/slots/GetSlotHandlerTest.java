package parking.functions.slots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static parking.functions.testing.ResponseAssertions.assertJson;
import static parking.functions.testing.ResponseAssertions.assertMessage;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import parking.functions.testing.LocalDynamo;

@ExtendWith(LocalDynamo.class)
class GetSlotHandlerTest {

    private static final SlotApi API = new SlotApi();

    private final SlotApi.Caller owner = API.newCaller();
    private final SlotApi.Caller anyone = API.newCaller();

    @Test
    void anyUserReadsASlotWithEveryFieldInContractOrder() {
        long id = API.slotOf(owner, "name", "A-01", "latitude", "45.0703", "longitude", "7.6869");

        assertJson(200, API.get(anyone, id));
        assertEquals("{\"id\":" + id + ",\"name\":\"A-01\",\"latitude\":45.0703,\"longitude\":7.6869,\"occupied\":false,"
                        + "\"owner_id\":" + owner.id() + ",\"reserved_by\":null,\"reserved_until\":null,"
                        + "\"updated_at\":\"" + API.clock().instant() + "\",\"status\":\"free\",\"sensor\":null}",
                API.get(anyone, id).getBody());
    }

    @Test
    void showsAnActiveReservationWithItsHolderAndEnd() {
        long id = API.slotOf(owner);
        API.reserve(anyone, id, "minutes", "30");

        JsonNode slot = assertJson(200, API.get(owner, id));

        assertEquals(anyone.id(), slot.get("reserved_by").asLong());
        assertEquals(API.clock().instant().plusSeconds(30 * 60).toString(), slot.get("reserved_until").asText());
    }

    @Test
    void answers404SlotNotFoundForAnIdThatDoesNotExist() {
        assertMessage(404, "slot not found", API.get(anyone, 999_999));
    }

    @Test
    void answersTheSame404ForAPathIdThatIsNotAPositiveInteger() {
        for (String segment : List.of("0", "-1", "abc", "01", "1.0", "1e3", "99999999999999999999")) {
            assertMessage(404, "slot not found", API.handlers().get().handleRequest(
                    SlotApi.slot("GET", segment).bearer(anyone.token()).build(), null));
        }
    }
}
