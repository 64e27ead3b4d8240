package parking.functions.slots;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import parking.functions.testing.Api;
import parking.functions.testing.Events;
import parking.functions.testing.LocalDynamo;
import parking.functions.users.UserHandlers;
import parking.testing.StandardOutput;

/** Each business event of a short story becomes one embedded-metric line, and nothing else does. */
@ExtendWith(LocalDynamo.class)
class BusinessEventMetricsTest {

    private static final Pattern METRIC = Pattern.compile("\"Metrics\":\\[\\{\"Name\":\"(\\w+)\"");

    @Test
    void registrationFailedLoginOccupancyAndReservationsAreCounted() {
        SlotApi api = new SlotApi();
        SlotApi.Caller owner = api.newCaller();
        SlotApi.Caller driver = api.newCaller();
        SlotApi.Caller late = api.newCaller();
        long slot = api.slotOf(owner);
        long other = api.slotOf(owner);

        String metrics = StandardOutput.printedBy(() -> {
            Api.register(Api.uniqueName("counted"), "secret123");
            UserHandlers.login().handleRequest(Events.request("POST", "/users/login")
                    .form("username", "nobody-here", "password", "secret123").build(), null);
            api.reserve(driver, slot);
            api.reserve(late, slot);
            api.patch(owner, other, "occupied", "true");
            api.patch(owner, other, "name", "not an event");
        });

        assertEquals(List.of("UserCreated", "LoginFailed", "ReservationMade", "ReservationRefused", "SlotOccupied"), names(metrics));
    }

    private static List<String> names(String output) {
        Matcher matcher = METRIC.matcher(output);
        return matcher.results().map(result -> result.group(1)).toList();
    }

}
