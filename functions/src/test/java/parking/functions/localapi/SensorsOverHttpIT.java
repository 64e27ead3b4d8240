package parking.functions.localapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import parking.functions.testing.Api;

/**
 * The contract's Sensors section over real HTTP through the local API, every exchange checked
 * against openapi.yaml by {@link Http}: keys issued and revoked by the owner, reports made with
 * them in any order (many reports arriving at once: {@link ConcurrencyOverHttpIT}).
 */
@ExtendWith(SharedLocalApi.class)
class SensorsOverHttpIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Http http;

    @BeforeAll
    static void connect() {
        http = SharedLocalApi.http();
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }

    private static void assertMessage(int status, String message, HttpResponse<String> response) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals(message, response.body());
    }

    /** A slot of a new owner, whose client is returned with it. */
    private record Owned(Http owner, long id) {
    }

    private static Owned newSlot(String latitude, String longitude) {
        Http owner = http.asNewUser();
        HttpResponse<String> created = owner.postForm("/slots", "name", "S-01", "latitude", latitude, "longitude", longitude);
        assertEquals(201, created.statusCode(), created.body());
        return new Owned(owner, json(created).get("id").asLong());
    }

    private static String issueKey(Owned slot) {
        HttpResponse<String> issued = slot.owner().post("/slots/" + slot.id() + "/sensor-key");
        assertEquals(201, issued.statusCode(), issued.body());
        return json(issued).get("sensor_key").asText();
    }

    /** The JWT of a user registered for the purpose. */
    private static String newToken() {
        String name = Api.uniqueName("token");
        assertEquals(201, http.postForm("/users", "username", name, "password", "secret123").statusCode());
        return http.postForm("/users/login", "username", name, "password", "secret123").body();
    }

    private static HttpResponse<String> report(String key, long id, String... form) {
        return http.form("PUT", "/slots/" + id + "/occupancy", key, form);
    }

    @Test
    void theOwnerIssuesAKeyTheSensorReportsALateReportLosesAndDriversSeeTheStatus() {
        Owned slot = newSlot("-12.0464", "-77.0428");
        String key = issueKey(slot);
        Http driver = http.asNewUser();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        JsonNode reported = json(report(key, slot.id(), "occupied", "true", "observed_at", now.minusSeconds(2).toString()));
        HttpResponse<String> late = report(key, slot.id(), "occupied", "false", "observed_at", now.minusSeconds(5).toString());

        assertEquals(200, late.statusCode(), late.body());
        assertEquals(reported, json(late));
        JsonNode seen = json(driver.get("/slots/" + slot.id()));
        assertEquals("occupied", seen.get("status").asText());
        assertEquals(now.minusSeconds(2).toString(), seen.get("sensor").get("observed_at").asText());
        assertEquals(List.of(), ids(driver.get("/slots?near=-12.0464,-77.0428&radius=50&available=true")));
        assertEquals(List.of(slot.id()), ids(driver.get("/slots?near=-12.0464,-77.0428&radius=50&status=occupied")));
    }

    @Test
    void aSensorKeyIsOnlyGoodForItsSlotsReportsAndATokenIsNoSensorKey() {
        Owned slot = newSlot("-12.1", "-77.1");
        String key = issueKey(slot);

        assertMessage(401, "invalid token", http.get("/slots/" + slot.id(), key));
        assertMessage(401, "invalid token", http.form("PATCH", "/slots/" + slot.id(), key, "name", "stolen"));
        assertMessage(401, "invalid token", http.form("POST", "/slots/" + slot.id() + "/sensor-key", key));
        assertMessage(401, "missing token", http.form("PUT", "/slots/" + slot.id() + "/occupancy", null, "occupied", "true"));
        assertMessage(401, "invalid sensor key", report(newToken(), slot.id(), "occupied", "true"));
    }

    @Test
    void revocationStopsTheKeyAtOnceAndTheSlotIsNoLongerWatched() {
        Owned slot = newSlot("-12.2", "-77.2");
        String key = issueKey(slot);
        assertEquals(200, report(key, slot.id(), "occupied", "true").statusCode());

        assertMessage(200, "OK", slot.owner().delete("/slots/" + slot.id() + "/sensor-key"));

        assertMessage(401, "invalid sensor key", report(key, slot.id(), "occupied", "false"));
        assertTrue(json(http.asNewUser().get("/slots/" + slot.id())).get("sensor").isNull());
        assertMessage(404, "sensor key not found", slot.owner().delete("/slots/" + slot.id() + "/sensor-key"));
    }

    private static List<Long> ids(HttpResponse<String> response) {
        List<Long> ids = new ArrayList<>();
        json(response).forEach(slot -> ids.add(slot.get("id").asLong()));
        return ids;
    }
}
