package parking.functions.slots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import parking.functions.testing.LocalDynamo;
import parking.functions.testing.Priming;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** SnapStart priming of the slot routes runs their request path without changing any data. */
@ExtendWith(LocalDynamo.class)
class SlotPrimingTest {

    private static final SlotApi API = new SlotApi();

    @Test
    void primingEverySlotRouteChangesNothingAndAnswersWithoutAServerError() {
        SlotApi.Caller owner = API.newCaller();
        long id = API.slotOf(owner);
        API.reserve(owner, id, "minutes", "30");
        Set<Map<String, AttributeValue>> before = Priming.items("SlotsTable");
        SlotHandlers handlers = API.handlers();

        Priming priming = Priming.run(() -> {
            handlers.list().prime();
            handlers.create().prime();
            handlers.get().prime();
            handlers.update().prime();
            handlers.reserve().prime();
            handlers.release().prime();
            handlers.delete().prime();
        });

        assertEquals(before, Priming.items("SlotsTable"));
        assertEquals(List.of(200, 400, 404, 404, 404, 404, 404), priming.statuses());
        assertTrue(priming.printedOnlyRequestLines(), priming.output());
    }
}
