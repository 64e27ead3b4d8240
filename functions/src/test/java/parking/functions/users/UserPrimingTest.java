package parking.functions.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

/** SnapStart priming of the users routes runs their request path without changing any data. */
@ExtendWith(LocalDynamo.class)
class UserPrimingTest {

    @Test
    void primingEveryUserRouteChangesNothingAndAnswersWithoutAServerError() {
        Api.register(Api.uniqueName("primed"), "secret123");
        Set<Map<String, AttributeValue>> before = Priming.items("UsersTable");

        Priming priming = Priming.run(() -> {
            UserHandlers.list().prime();
            UserHandlers.create().prime();
            UserHandlers.login().prime();
            UserHandlers.get().prime();
        });

        assertEquals(before, Priming.items("UsersTable"));
        assertEquals(List.of(200, 400, 400, 404), priming.statuses());
        assertTrue(priming.printedOnlyRequestLines(), priming.output());
    }
}
