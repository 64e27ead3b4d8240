package parking.functions.slots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import parking.functions.testing.LocalDynamo;
import parking.functions.testing.Priming;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** SnapStart priming of the slot routes runs their request path, reaching DynamoDB, without changing any data. */
@ExtendWith(LocalDynamo.class)
class SlotPrimingTest {

    private static final SlotApi API = new SlotApi();

    @Test
    void primingEverySlotRouteReachesTheDatabaseChangesNothingAndAnswersWithoutAServerError() {
        SlotApi.Caller owner = API.newCaller();
        long id = API.slotOf(owner);
        API.reserve(owner, id, "minutes", "30");
        Set<Map<String, AttributeValue>> before = Priming.items("SlotsTable");

        List<Priming> primed = Priming.everyRouteIn("parking.functions.slots");

        assertEquals(before, Priming.items("SlotsTable"));
        assertFalse(primed.isEmpty());
        for (Priming route : primed) {
            assertTrue(route.printedOnlyRequestLinesThatReachedTheRoute(), route.routeKey() + " printed " + route.output());
            assertTrue(route.databaseRequests() > 0, route.routeKey() + " sent DynamoDB nothing");
        }
    }
}
