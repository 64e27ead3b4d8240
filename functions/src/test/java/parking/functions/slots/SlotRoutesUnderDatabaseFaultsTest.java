package parking.functions.slots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import parking.functions.testing.FaultProxy;
import parking.functions.testing.FaultProxy.Fault;
import parking.functions.testing.LocalDynamo;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/**
 * The slot routes with a faulty database between them and dynalite: every fault is a
 * {@code 503 service unavailable} with {@code Retry-After} (or a success after the SDK's
 * retry), never a 500, and every acknowledged write is there afterwards, whole.
 */
@ExtendWith(LocalDynamo.class)
class SlotRoutesUnderDatabaseFaultsTest {

    private static FaultProxy proxy;
    private static SlotApi direct;
    private static SlotApi faulty;
    private static SlotApi.Caller owner;
    private static long slot;

    @BeforeAll
    static void startProxy() throws IOException {
        proxy = new FaultProxy(LocalDynamo.endpoint());
        direct = new SlotApi();
        faulty = new SlotApi(proxy.endpoint());
        owner = direct.newCaller();
        slot = direct.slotOf(owner);
    }

    @AfterEach
    void heal() {
        proxy.heal();
    }

    @AfterAll
    static void stopProxy() {
        proxy.close();
    }

    @ParameterizedTest
    @EnumSource(value = Fault.class, names = {"THROTTLE", "SERVER_ERROR", "DROP_BEFORE", "DROP_AFTER"})
    void everySlotRouteAnswers503WithRetryAfterWhileTheFaultLasts(Fault fault) {
        proxy.always(fault);

        for (APIGatewayV2HTTPResponse response : List.of(
                faulty.list(owner, ""),
                faulty.create(owner, "name", "B-02", "latitude", "45", "longitude", "7"),
                faulty.get(owner, slot),
                faulty.patch(owner, slot, "name", "renamed"),
                faulty.delete(owner, slot),
                faulty.reserve(owner, slot),
                faulty.release(owner, slot))) {
            assertEquals(503, response.getStatusCode(), response.getBody());
            assertEquals("service unavailable", response.getBody());
            assertEquals("1", response.getHeaders().get("Retry-After"));
        }
    }

    @Test
    void aLostAnswerToASlotCreationIsStillA201() {
        // Request 0 takes an id, request 1 writes the slot and loses the answer; the retry must see its own write.
        proxy.plan(n -> n == 1 ? Fault.DROP_AFTER : Fault.NONE);

        assertEquals(201, faulty.create(owner, "name", "lost", "latitude", "1", "longitude", "2").getStatusCode());
    }

    @Test
    void aLostAnswerToAReservationIsStillA201() {
        SlotApi.Caller driver = direct.newCaller();
        long free = direct.slotOf(owner);
        proxy.plan(n -> n == 0 ? Fault.DROP_AFTER : Fault.NONE);

        assertEquals(201, faulty.reserve(driver, free).getStatusCode());
    }

    @Test
    void intermittentFaultsLoseNoAcknowledgedSlotAndLeaveNoneHalfMade() {
        Fault[] faults = {Fault.THROTTLE, Fault.SERVER_ERROR, Fault.DROP_BEFORE, Fault.DROP_AFTER};
        Random random = new Random(7);
        proxy.plan(n -> random.nextInt(10) < 3 ? faults[random.nextInt(faults.length)] : Fault.NONE);
        List<Long> acknowledged = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            APIGatewayV2HTTPResponse response = faulty.create(owner, "name", "F-" + i, "latitude", "45.5", "longitude", "7.25");
            assertTrue(response.getStatusCode() == 201 || response.getStatusCode() == 503, response.getStatusCode() + " " + response.getBody());
            if (response.getStatusCode() == 201) {
                acknowledged.add(Long.parseLong(response.getHeaders().get("Location").substring("/slots/".length())));
            }
        }
        proxy.heal();

        assertTrue(proxy.faultsInjected() > 0);
        for (long id : acknowledged) {
            assertEquals(200, direct.get(owner, id).getStatusCode(), "slot " + id);
        }
        for (Map<String, AttributeValue> item : LocalDynamo.client().scan(ScanRequest.builder().tableName("SlotsTable").build()).items()) {
            if (item.get("id").n().equals("0")) {
                continue;
            }
            assertTrue(item.keySet().containsAll(List.of("id", "listing", "owner_id", "name", "latitude", "longitude", "occupied", "updated_at")),
                    item.keySet().toString());
        }
    }
}
