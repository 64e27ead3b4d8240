package parking.functions.slots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static parking.functions.testing.ResponseAssertions.assertJson;
import static parking.functions.testing.ResponseAssertions.assertMessage;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import parking.functions.testing.LocalDynamo;

@ExtendWith(LocalDynamo.class)
class ReleaseSlotHandlerTest {

    private static final SlotApi API = new SlotApi();

    private final SlotApi.Caller owner = API.newCaller();
    private final SlotApi.Caller holder = API.newCaller();
    private final SlotApi.Caller other = API.newCaller();

    @Test
    void theHolderEndsItsReservationAndAnswers200Ok() {
        long id = API.slotOf(owner);
        API.reserve(holder, id);

        assertMessage(200, "OK", API.release(holder, id));
        assertTrue(assertJson(200, API.get(holder, id)).get("reserved_by").isNull());
        assertJson(201, API.reserve(other, id));
    }

    @Test
    void theOwnerEndsAReservationSomeoneElseHolds() {
        long id = API.slotOf(owner);
        API.reserve(holder, id);

        assertMessage(200, "OK", API.release(owner, id));
        assertTrue(assertJson(200, API.get(owner, id)).get("reserved_until").isNull());
    }

    @Test
    void anyoneElseGets403ForbiddenAndTheReservationStays() {
        long id = API.slotOf(owner);
        API.reserve(holder, id);

        assertMessage(403, "forbidden", API.release(other, id));
        assertEquals(holder.id(), assertJson(200, API.get(other, id)).get("reserved_by").asLong());
    }

    @Test
    void answers404ReservationNotFoundWhenTheSlotIsFree() {
        long id = API.slotOf(owner);

        assertMessage(404, "reservation not found", API.release(owner, id));
        assertMessage(404, "reservation not found", API.release(other, id));
    }

    @Test
    void answers404ReservationNotFoundOnceTheReservationHasExpired() {
        long id = API.slotOf(owner);
        API.reserve(holder, id, "minutes", "2");
        API.clock().advance(Duration.ofMinutes(2));

        assertMessage(404, "reservation not found", API.release(holder, id));
    }

    @Test
    void secondReleaseGets404ReservationNotFound() {
        long id = API.slotOf(owner);
        API.reserve(holder, id);
        API.release(holder, id);

        assertMessage(404, "reservation not found", API.release(holder, id));
    }

    @Test
    void answers404ReservationNotFoundAfterOccupiedEndedIt() {
        long id = API.slotOf(owner);
        API.reserve(holder, id);
        API.patch(owner, id, "occupied", "true");

        assertMessage(404, "reservation not found", API.release(holder, id));
    }

    @Test
    void answers404SlotNotFoundForAnUnknownSlot() {
        assertMessage(404, "slot not found", API.release(holder, 999_999));
    }

    @Test
    void answers404ForAPathIdThatIsNotAPositiveInteger() {
        assertMessage(404, "slot not found", API.handlers().release().handleRequest(
                SlotApi.reservation("DELETE", "seven").bearer(holder.token()).build(), null));
    }
}
