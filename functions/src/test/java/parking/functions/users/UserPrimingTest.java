package parking.functions.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import parking.functions.testing.Api;
import parking.functions.testing.LocalDynamo;
import parking.functions.testing.Priming;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** SnapStart priming of the users routes runs their request path, reaching DynamoDB, without changing any data. */
@ExtendWith(LocalDynamo.class)
class UserPrimingTest {

    @Test
    void primingEveryUserRouteReachesTheDatabaseChangesNothingAndAnswersWithoutAServerError() {
        Api.register(Api.uniqueName("primed"), "secret123");
        Set<Map<String, AttributeValue>> before = Priming.items("UsersTable");

        List<Priming> primed = Priming.everyRouteIn("parking.functions.users");

        assertEquals(before, Priming.items("UsersTable"));
        assertFalse(primed.isEmpty());
        for (Priming route : primed) {
            assertTrue(route.printedOnlyRequestLinesThatReachedTheRoute(), route.routeKey() + " printed " + route.output());
            assertTrue(route.databaseRequests() > 0, route.routeKey() + " sent DynamoDB nothing");
        }
    }
}
