package parking.functions.sensors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static parking.functions.testing.ResponseAssertions.assertJson;
import static parking.functions.testing.ResponseAssertions.assertMessage;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import parking.functions.slots.SlotApi;
import parking.functions.testing.FaultProxy;
import parking.functions.testing.LocalDynamo;

/**
 * How a refused report is told apart, on both engines' answers: DynamoDB returns the stored item
 * with the refusal (ReturnValuesOnConditionCheckFailure = ALL_OLD; here a proxy in front of
 * dynalite answers as DynamoDB does, so the SDK raises a ConditionalCheckFailedException carrying
 * the item), and dynalite 4.0.0 returns none, so one consistent read decides. The proxy counts
 * the DynamoDB calls the handler makes.
 */
@ExtendWith(LocalDynamo.class)
class RefusedReportsTest {

    private static final SlotApi API = new SlotApi();
    private static final String WRONG_KEY = "psk_" + "B".repeat(43);

    private static FaultProxy asDynamoDb;
    private static FaultProxy asDynalite;

    private final SlotApi.Caller owner = API.newCaller();

    @BeforeAll
    static void startProxies() throws IOException {
        asDynamoDb = new FaultProxy(LocalDynamo.endpoint());
        asDynamoDb.returnItemsWithRefusals();
        asDynalite = new FaultProxy(LocalDynamo.endpoint());
    }

    @AfterAll
    static void stopProxies() {
        asDynamoDb.close();
        asDynalite.close();
    }

    /** A report's answer and the DynamoDB calls the handler made for it. */
    private record Served(APIGatewayV2HTTPResponse response, List<String> calls) {
    }

    private Served report(FaultProxy database, String key, long id, String... form) {
        database.heal();
        int before = database.operations().size();
        APIGatewayV2HTTPResponse response = API.handlers().reportOccupancy(database.endpoint()).handleRequest(
                SlotApi.occupancy(Long.toString(id)).bearer(key).form(form).build(), null);
        List<String> all = database.operations();
        return new Served(response, all.subList(before, all.size()));
    }

    @Test
    void anAppliedReportIsOneWriteAndNoRead() {
        long id = API.slotOf(owner);
        String key = API.sensorKeyOf(owner, id);

        Served served = report(asDynalite, key, id, "occupied", "true");

        assertJson(200, served.response());
        assertEquals(List.of("UpdateItem"), served.calls());
    }

    /** A report observed a minute before the one that stands, through {@code database}; its answer must be the slot as stored. */
    private Served lateReport(FaultProxy database) {
        long id = API.slotOf(owner);
        String key = API.sensorKeyOf(owner, id);
        String stored = API.report(key, id, "occupied", "true").getBody();
        String earlier = API.clock().instant().minus(Duration.ofMinutes(1)).toString();

        Served served = report(database, key, id, "occupied", "false", "observed_at", earlier);

        assertJson(200, served.response());
        assertEquals(stored, served.response().getBody());
        return served;
    }

    @Test
    void withTheStoredItemALateReportIsAnsweredFromItWithoutARead() {
        assertEquals(List.of("UpdateItem"), lateReport(asDynamoDb).calls());
    }

    @Test
    void withTheStoredItemAWrongKeyIs401WithoutARead() {
        long id = API.slotOf(owner);
        API.sensorKeyOf(owner, id);

        Served served = report(asDynamoDb, WRONG_KEY, id, "occupied", "true");

        assertMessage(401, "invalid sensor key", served.response());
        assertEquals(List.of("UpdateItem"), served.calls());
    }

    @Test
    void withTheStoredItemAMissingSlotHasNoItemSoOneReadSaysNotFound() {
        Served served = report(asDynamoDb, WRONG_KEY, Long.MAX_VALUE - 1, "occupied", "true");

        assertMessage(404, "slot not found", served.response());
        assertEquals(List.of("UpdateItem", "GetItem"), served.calls());
    }

    @Test
    void withoutTheStoredItemOneConsistentReadTellsALateReport() {
        assertEquals(List.of("UpdateItem", "GetItem"), lateReport(asDynalite).calls());
    }

    @Test
    void withoutTheStoredItemOneConsistentReadTellsAWrongKey() {
        long id = API.slotOf(owner);
        API.sensorKeyOf(owner, id);

        Served served = report(asDynalite, WRONG_KEY, id, "occupied", "true");

        assertMessage(401, "invalid sensor key", served.response());
        assertEquals(List.of("UpdateItem", "GetItem"), served.calls());
    }
}
