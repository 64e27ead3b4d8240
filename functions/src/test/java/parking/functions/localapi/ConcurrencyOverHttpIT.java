package parking.functions.localapi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import parking.functions.testing.Api;

/**
 * The contract's concurrency promises over real HTTP: many clients at once, each request in one
 * of the function's JVMs (up to four per function; the rest wait their turn, as on a Lambda
 * with reserved concurrency), all against one database.
 */
@ExtendWith(SharedLocalApi.class)
class ConcurrencyOverHttpIT {

    private static final int CLIENTS = 12;
    private static final String PASSWORD = "secret123";
    /** Numbers as written: a coordinate compares exactly, never through a double. */
    private static final ObjectMapper JSON = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    private static Http http;

    @BeforeAll
    static void connect() {
        http = SharedLocalApi.http();
    }

    /** Sends {@code clients} requests at the same instant and returns the answers in client order. */
    private static List<HttpResponse<String>> simultaneously(int clients, IntFunction<HttpResponse<String>> request) {
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService threads = Executors.newFixedThreadPool(clients)) {
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                int client = i;
                answers.add(threads.submit(() -> {
                    start.await();
                    return request.apply(client);
                }));
            }
            start.countDown();
            List<HttpResponse<String>> responses = new ArrayList<>();
            for (Future<HttpResponse<String>> answer : answers) {
                responses.add(answer.get());
            }
            return responses;
        } catch (InterruptedException | ExecutionException e) {
            throw new AssertionError("a client failed", e);
        }
    }

    /**
     * How many answers had each status and message, a JSON body counting as "slot":
     * e.g. {@code {201 slot=1, 409 slot unavailable=11}}.
     */
    private static Map<String, Integer> outcomes(List<HttpResponse<String>> responses) {
        Map<String, Integer> outcomes = new TreeMap<>();
        responses.forEach(r -> outcomes.merge(r.statusCode() + " " + (r.body().startsWith("{") ? "slot" : r.body()), 1, Integer::sum));
        return outcomes;
    }

    private static long register(String name) {
        HttpResponse<String> created = http.postForm("/users", "username", name, "password", PASSWORD);
        assertEquals(201, created.statusCode(), created.body());
        return Long.parseLong(created.headers().firstValue("location").orElseThrow().substring("/users/".length()));
    }

    private static String login(String name) {
        HttpResponse<String> login = http.postForm("/users/login", "username", name, "password", PASSWORD);
        assertEquals(200, login.statusCode(), login.body());
        return login.body();
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }

    private static long createSlot(String token) {
        HttpResponse<String> created = http.form("POST", "/slots", token, "name", "R-01", "latitude", "45.07", "longitude", "7.68");
        assertEquals(201, created.statusCode(), created.body());
        return json(created).get("id").asLong();
    }

    @Test
    void ofManySimultaneousRegistrationsOfOneNameInAnyLetterCaseExactlyOneGets201() {
        String name = Api.uniqueName("race");
        List<String> spellings = List.of(name, name.toUpperCase(Locale.ROOT), "R" + name.substring(1));

        List<HttpResponse<String>> responses = simultaneously(CLIENTS, client ->
                http.postForm("/users", "username", spellings.get(client % spellings.size()), "password", "password-of-" + client));

        assertEquals(Map.of("201 OK", 1, "409 username conflict", CLIENTS - 1), outcomes(responses));
        int winner = responses.stream().filter(r -> r.statusCode() == 201).map(responses::indexOf).findFirst().orElseThrow();
        for (int client = 0; client < CLIENTS; client++) {
            int status = http.postForm("/users/login", "username", name, "password", "password-of-" + client).statusCode();
            assertEquals(client == winner ? 200 : 401, status, "the stored password is the winner's, client " + client);
        }
    }

    @Test
    void ofManySimultaneousReservationsOfOneFreeSlotExactlyOneGets201() {
        long slot = createSlot(login(registerNamed("owner")));
        List<Long> ids = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            String name = Api.uniqueName("driver");
            ids.add(register(name));
            tokens.add(login(name));
        }

        List<HttpResponse<String>> responses = simultaneously(CLIENTS, client ->
                http.form("POST", "/slots/" + slot + "/reservation", tokens.get(client), "minutes", "30"));

        assertEquals(Map.of("201 slot", 1, "409 slot unavailable", CLIENTS - 1), outcomes(responses));
        HttpResponse<String> winner = responses.stream().filter(r -> r.statusCode() == 201).findFirst().orElseThrow();
        long holder = ids.get(responses.indexOf(winner));
        JsonNode stored = json(http.get("/slots/" + slot, tokens.get(0)));
        assertEquals(holder, stored.get("reserved_by").asLong());
        assertEquals(holder, json(winner).get("reserved_by").asLong());
    }

    @Test
    void simultaneousPatchesOfDifferentFieldsOfOneSlotAllStick() {
        String token = login(registerNamed("sensor"));
        long slot = createSlot(token);
        String[][] rounds = {
                {"name", "P-1", "latitude", "45.1", "longitude", "7.1", "occupied", "true"},
                {"name", "P-2", "latitude", "-45.2", "longitude", "-7.2", "occupied", "false"},
                {"name", "P-\u00e8 3", "latitude", "0.000003", "longitude", "179.999", "occupied", "1"},
                {"name", "P-4", "latitude", "90", "longitude", "-180", "occupied", "0"},
        };

        for (String[] round : rounds) {
            List<HttpResponse<String>> responses = simultaneously(round.length / 2, field ->
                    http.form("PATCH", "/slots/" + slot, token, round[2 * field], round[2 * field + 1]));

            assertEquals(Map.of("200 slot", round.length / 2), outcomes(responses));
            JsonNode stored = json(http.get("/slots/" + slot, token));
            assertEquals(round[1], stored.get("name").asText());
            assertEquals(0, stored.get("latitude").decimalValue().compareTo(new BigDecimal(round[3])));
            assertEquals(0, stored.get("longitude").decimalValue().compareTo(new BigDecimal(round[5])));
            assertEquals(round[7].equals("true") || round[7].equals("1"), stored.get("occupied").asBoolean());
        }
    }

    @Test
    void ofManyReportsOfOneSensorArrivingAtOnceTheNewestStands() {
        String token = login(registerNamed("operator"));
        long slot = createSlot(token);
        String key = json(http.form("POST", "/slots/" + slot + "/sensor-key", token)).get("sensor_key").asText();
        Instant base = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusSeconds(30);
        Random random = new Random(18);
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            offsets.add(i * 7 + random.nextInt(7));
        }
        Collections.shuffle(offsets, random);
        List<Boolean> occupied = offsets.stream().map(offset -> random.nextBoolean()).toList();

        List<HttpResponse<String>> responses = simultaneously(CLIENTS, client -> http.form("PUT", "/slots/" + slot + "/occupancy", key,
                "occupied", occupied.get(client).toString(), "observed_at", base.plusMillis(offsets.get(client)).toString()));

        assertEquals(Map.of("200 slot", CLIENTS), outcomes(responses));
        int newest = offsets.indexOf(Collections.max(offsets));
        JsonNode stored = json(http.get("/slots/" + slot, token));
        assertEquals(occupied.get(newest), stored.get("occupied").asBoolean());
        assertEquals(base.plusMillis(offsets.get(newest)).toString(), stored.get("sensor").get("observed_at").asText());
    }

    private static String registerNamed(String prefix) {
        String name = Api.uniqueName(prefix);
        register(name);
        return name;
    }
}
