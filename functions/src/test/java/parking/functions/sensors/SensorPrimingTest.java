package parking.functions.sensors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import parking.functions.slots.SlotApi;
import parking.functions.testing.LocalDynamo;
import parking.functions.testing.Priming;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** SnapStart priming of the sensor routes runs their request path, reaching DynamoDB, without changing any data. */
@ExtendWith(LocalDynamo.class)
class SensorPrimingTest {

    private static final SlotApi API = new SlotApi();

    @Test
    void primingEverySensorRouteReachesTheDatabaseChangesNothingAndAnswersWithoutAServerError() {
        SlotApi.Caller owner = API.newCaller();
        long id = API.slotOf(owner);
        API.report(API.sensorKeyOf(owner, id), id, "occupied", "true");
        Set<Map<String, AttributeValue>> before = Priming.items("SlotsTable");

        List<Priming> primed = Priming.everyRouteIn("parking.functions.sensors");

        assertEquals(before, Priming.items("SlotsTable"));
        assertEquals(3, primed.size());
        for (Priming route : primed) {
            assertTrue(route.printedOnlyRequestLinesThatReachedTheRoute(), route.routeKey() + " printed " + route.output());
            assertTrue(route.databaseRequests() > 0, route.routeKey() + " sent DynamoDB nothing");
        }
    }
}
