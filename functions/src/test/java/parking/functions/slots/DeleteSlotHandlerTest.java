package parking.functions.slots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static parking.functions.testing.ResponseAssertions.assertJson;
import static parking.functions.testing.ResponseAssertions.assertMessage;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import parking.functions.testing.LocalDynamo;

@ExtendWith(LocalDynamo.class)
class DeleteSlotHandlerTest {

    private static final SlotApi API = new SlotApi();

    private final SlotApi.Caller owner = API.newCaller();
    private final SlotApi.Caller other = API.newCaller();

    @Test
    void ownerDeletesTheSlotAndAnswers200Ok() {
        long id = API.slotOf(owner);

        assertMessage(200, "OK", API.delete(owner, id));
        assertMessage(404, "slot not found", API.get(owner, id));
    }

    @Test
    void ownerDeletesASlotEvenWhileSomeoneHoldsAReservation() {
        long id = API.slotOf(owner);
        API.reserve(other, id);

        assertMessage(200, "OK", API.delete(owner, id));
    }

    @Test
    void secondDeleteGets404SlotNotFound() {
        long id = API.slotOf(owner);
        API.delete(owner, id);

        assertMessage(404, "slot not found", API.delete(owner, id));
    }

    @Test
    void anotherUserGets403ForbiddenAndTheSlotStays() {
        long id = API.slotOf(owner);

        assertMessage(403, "forbidden", API.delete(other, id));
        assertJson(200, API.get(owner, id));
    }

    @Test
    void answers404SlotNotFoundForAnUnknownSlotWhoeverAsks() {
        assertMessage(404, "slot not found", API.delete(other, 999_999));
    }

    @Test
    void answers404ForAPathIdThatIsNotAPositiveInteger() {
        for (String segment : List.of("0", "x", "-3")) {
            assertMessage(404, "slot not found", API.handlers().delete().handleRequest(
                    SlotApi.slot("DELETE", segment).bearer(owner.token()).build(), null));
        }
    }

    @Test
    void aDeletedSlotLeavesEveryList() {
        long id = API.slotOf(owner);
        API.delete(owner, id);

        for (String query : List.of("owner_id=" + owner.id(), "available=true&owner_id=" + owner.id(), "limit=1000")) {
            assertEquals(false, SlotApi.ids(assertJson(200, API.list(owner, query))).contains(id), query);
        }
    }
}
