package parking.functions.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import parking.functions.testing.Api;
import parking.functions.testing.FaultProxy;
import parking.functions.testing.FaultProxy.Fault;
import parking.functions.testing.LocalDynamo;
import parking.functions.users.FaultyUserHandlers;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/**
 * The users routes with a faulty database between them and dynalite: every fault is a
 * {@code 503 service unavailable} with {@code Retry-After} (or a success after the SDK's
 * retry), never a 500, and nothing is left half made.
 */
@ExtendWith(LocalDynamo.class)
class UserRoutesUnderDatabaseFaultsTest {

    private static FaultProxy proxy;
    private static FaultyUserHandlers handlers;
    private static String token;
    private static long knownUserId;

    @BeforeAll
    static void startProxy() throws IOException {
        proxy = new FaultProxy(LocalDynamo.endpoint());
        handlers = new FaultyUserHandlers(proxy.endpoint());
        String name = Api.uniqueName("known");
        knownUserId = Api.register(name, "secret123");
        token = Api.login(name, "secret123");
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
    void everyUsersRouteAnswers503WithRetryAfterWhileTheFaultLasts(Fault fault) {
        proxy.always(fault);

        for (APIGatewayV2HTTPResponse response : List.of(
                handlers.create(Api.uniqueName("faulty"), "secret123"),
                handlers.login("anyone", "secret123"),
                handlers.get(knownUserId, token),
                handlers.list(token))) {
            assertEquals(503, response.getStatusCode(), response.getBody());
            assertEquals("service unavailable", response.getBody());
            assertEquals("1", response.getHeaders().get("Retry-After"));
        }
    }

    @Test
    void aRouteSucceedsWhenOnlyOneAttemptFails() {
        proxy.plan(n -> n == 0 ? Fault.SERVER_ERROR : Fault.NONE);

        assertEquals(201, handlers.create(Api.uniqueName("retried"), "secret123").getStatusCode());
    }

    @Test
    void aLostAnswerToARegistrationIsNotReportedAsAConflict() {
        // Request 0 reads the address's abuse counter, 1 takes an id, 2 writes the user and loses the
        // answer; the retry must see its own write.
        proxy.plan(n -> n == 2 ? Fault.DROP_AFTER : Fault.NONE);
        String name = Api.uniqueName("lost");

        assertEquals(201, handlers.create(name, "secret123").getStatusCode());
        proxy.heal();
        assertEquals(200, handlers.login(name, "secret123").getStatusCode());
    }

    @Test
    void aHungDatabaseAnswers503BeforeTheFunctionTimesOut() {
        int timeoutSeconds = LocalDynamo.template().function("GetUserFunction").timeoutSeconds();
        proxy.always(Fault.HANG);

        long start = System.nanoTime();
        APIGatewayV2HTTPResponse response = handlers.get(knownUserId, token);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        // The figure docs/RELIABILITY.md quotes.
        System.out.printf("hung database: 503 after %d ms (function timeout %d s)%n", took.toMillis(), timeoutSeconds);

        assertEquals(503, response.getStatusCode());
        assertTrue(took.compareTo(Duration.ofSeconds(timeoutSeconds)) < 0, "took " + took);
    }

    @Test
    void intermittentFaultsLoseNoAcknowledgedUserAndLeaveNoneHalfMade() {
        Fault[] faults = {Fault.THROTTLE, Fault.SERVER_ERROR, Fault.DROP_BEFORE, Fault.DROP_AFTER};
        Random random = new Random(42);
        proxy.plan(n -> random.nextInt(10) < 3 ? faults[random.nextInt(faults.length)] : Fault.NONE);
        List<String> acknowledged = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String name = Api.uniqueName("flaky");
            int status = handlers.create(name, "secret123").getStatusCode();
            assertTrue(status == 201 || status == 503, "status " + status);
            (status == 201 ? acknowledged : refused).add(name);
        }
        proxy.heal();

        assertTrue(proxy.faultsInjected() > 0);
        for (String name : acknowledged) {
            assertEquals(200, handlers.login(name, "secret123").getStatusCode(), name);
        }
        Set<Long> ids = new HashSet<>();
        for (Map<String, AttributeValue> item : LocalDynamo.client().scan(ScanRequest.builder().tableName("UsersTable").build()).items()) {
            if (item.get("pk").s().startsWith("#")) {
                continue;
            }
            assertTrue(item.keySet().containsAll(List.of("pk", "listing", "id", "username", "password_hash")), item.keySet().toString());
            assertTrue(ids.add(Long.parseLong(item.get("id").n())), "ids are unique");
        }
    }
}
