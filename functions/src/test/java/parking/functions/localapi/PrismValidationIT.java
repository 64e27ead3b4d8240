package parking.functions.localapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpResponse;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.ExtendWith;
import parking.local.ProjectRoot;
import parking.local.api.LocalApi;

/**
 * A second validator reads {@code openapi.yaml}: Stoplight Prism, as a validating proxy in front
 * of the local API, sees the README tour's kinds of requests (register, log in, create slots in
 * both form encodings, nearby searches with and without {@code available}, a page and its
 * {@code Link}, a sensor key issued, reports with it, a late one among them, the status filter, a
 * refused and a granted reservation, its release, the owner's {@code PATCH}, the key revoked, the
 * single and list reads, a missing slot, a delete) and must object to none of the requests or
 * answers. {@link Http}'s own check is left out here, so a failure is Prism's alone.
 */
@ExtendWith(SharedLocalApi.class)
@EnabledIf(value = "nodeRuns", disabledReason = "Node.js is not on the PATH: Stoplight Prism (and the local API's dynalite) cannot run")
class PrismValidationIT {

    private final double latitude = ThreadLocalRandom.current().nextDouble(-60, 60);
    private final double longitude = ThreadLocalRandom.current().nextDouble(-170, 170);

    static boolean nodeRuns() {
        try {
            Process node = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            node.getInputStream().transferTo(OutputStream.nullOutputStream());
            return node.waitFor(10, TimeUnit.SECONDS) && node.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String decimal(double degrees) {
        return BigDecimal.valueOf(degrees).setScale(6, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
    }

    @Test
    void prismFindsNothingWrongWithTheToursExchanges(LocalApi api) {
        try (PrismProxy prism = PrismProxy.start(ProjectRoot.find(), api.url())) {
            Http anonymous = new Http(prism.url()).outsideTheContract();
            Http driver = anonymous.asNewUser();
            String here = decimal(latitude) + "," + decimal(longitude);

            String slot = valid(prism, 201, driver.postForm("/slots", "name", "A-01",
                    "latitude", decimal(latitude + 0.0002), "longitude", decimal(longitude))).headers().firstValue("location").orElseThrow();
            valid(prism, 201, driver.postMultipart("/slots", "name", "A-02",
                    "latitude", decimal(latitude + 0.0004), "longitude", decimal(longitude), "occupied", "true"));

            HttpResponse<String> nearby = valid(prism, 200, driver.get("/slots?near=" + here + "&radius=100&available=true"));
            assertTrue(nearby.body().contains("\"distance_m\":"), nearby.body());
            HttpResponse<String> firstPage = valid(prism, 200, driver.get("/slots?near=" + here + "&limit=1"));
            String next = firstPage.headers().firstValue("link").orElseThrow().replaceAll("^<([^>]*)>.*", "$1");
            valid(prism, 200, driver.get(next));

            String key = valid(prism, 201, driver.post(slot + "/sensor-key")).body().replaceAll(".*\"sensor_key\":\"([^\"]+)\".*", "$1");
            valid(prism, 200, anonymous.form("PUT", slot + "/occupancy", key, "occupied", "true"));
            HttpResponse<String> late = valid(prism, 200, anonymous.form("PUT", slot + "/occupancy", key,
                    "occupied", "false", "observed_at", "2026-01-01T08:00:00.250Z"));
            assertTrue(late.body().contains("\"occupied\":true"), late.body());
            assertTrue(valid(prism, 200, driver.get(slot)).body().contains("\"status\":\"occupied\""));
            valid(prism, 200, driver.get("/slots?status=occupied&owner_id=" + owner(prism, driver, slot)));
            assertEquals("[]", valid(prism, 200, driver.get("/slots?near=" + here + "&radius=100&available=true")).body());
            valid(prism, 409, driver.post(slot + "/reservation"));
            valid(prism, 200, anonymous.form("PUT", slot + "/occupancy", key, "occupied", "false"));
            valid(prism, 201, driver.postForm(slot + "/reservation", "minutes", "30"));
            valid(prism, 200, driver.delete(slot + "/reservation"));
            valid(prism, 200, driver.patchForm(slot, "occupied", "true"));
            valid(prism, 200, driver.delete(slot + "/sensor-key"));

            String owner = owner(prism, driver, slot);
            valid(prism, 200, driver.get("/slots?owner_id=" + owner));
            valid(prism, 200, driver.get("/users/" + owner));
            valid(prism, 200, driver.get("/users?limit=2"));
            valid(prism, 404, driver.get("/slots/999999999"));
            valid(prism, 200, driver.delete(slot));
        }
    }

    private static String owner(PrismProxy prism, Http driver, String slot) {
        return valid(prism, 200, driver.get(slot)).body().replaceAll(".*\"owner_id\":([0-9]+).*", "$1");
    }

    /** The answer, once Prism has passed it on without a violation and with the expected status. */
    private static HttpResponse<String> valid(PrismProxy prism, int status, HttpResponse<String> response) {
        PrismProxy.violations(response).ifPresent(violations -> fail("Prism finds " + response.request().method() + " "
                + response.uri() + " against openapi.yaml wrong: " + violations + "\n--- Prism's log ---\n" + prism.log()));
        assertEquals(status, response.statusCode(), response.body());
        return response;
    }
}
