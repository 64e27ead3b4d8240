package parking.functions.localapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpHeaders;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import parking.local.ProjectRoot;

/**
 * The judge the end-to-end suite relies on: it accepts what the contract allows and catches what
 * it does not, on hand-made exchanges (so a lenient validator cannot pass the suite unnoticed).
 */
class OpenApiContractTest {

    private static final OpenApiContract CONTRACT = OpenApiContract.load(ProjectRoot.find().resolve("openapi.yaml"));
    private static final String TOKEN = "Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl";
    private static final String TEXT = "text/plain; charset=utf-8";
    private static final String SLOT = "{\"id\":7,\"name\":\"A-01\",\"latitude\":45.0703,\"longitude\":7.6869,\"occupied\":false,"
            + "\"owner_id\":1,\"reserved_by\":%s,\"reserved_until\":null,\"updated_at\":\"2026-11-28T20:31:05Z\",\"status\":\"free\",\"sensor\":null}";

    private static HttpHeaders headers(String... namesAndValues) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put(namesAndValues[i], List.of(namesAndValues[i + 1]));
        }
        return HttpHeaders.of(map, (name, value) -> true);
    }

    private static List<String> getSlot(int status, String contentType, String body) {
        return CONTRACT.violations(new OpenApiContract.Exchange("GET", "/slots/7", "", headers("Authorization", TOKEN), "",
                status, headers("Content-Type", contentType, "X-Content-Type-Options", "nosniff", "Cache-Control", "no-store"), body));
    }

    private static List<String> createUser(String contentType, String form, int status, String body, String... responseHeaders) {
        return CONTRACT.violations(new OpenApiContract.Exchange("POST", "/users", "", headers("Content-Type", contentType), form,
                status, headers(responseHeaders), body));
    }

    private static List<String> listSlots(String query, int status, String contentType, String body) {
        return CONTRACT.violations(new OpenApiContract.Exchange("GET", "/slots", query, headers("Authorization", TOKEN), "",
                status, headers("Content-Type", contentType, "X-Content-Type-Options", "nosniff", "Cache-Control", "no-store"), body));
    }

    @Test
    void acceptsANearbyAnswerWhoseSlotsCarryTheirDistance() {
        String nearby = "[" + SLOT.formatted("null").replace("}", ",\"distance_m\":212.4}") + "]";

        assertEquals(List.of(), listSlots("near=45.07,7.68&radius=500", 200, "application/json", nearby));
    }

    @Test
    void catchesADistanceOutsideTheLargestRadius() {
        String beyond = "[" + SLOT.formatted("null").replace("}", ",\"distance_m\":5000.1}") + "]";

        assertTrue(listSlots("near=45.07,7.68", 200, "application/json", beyond).toString().contains("distance_m"));
    }

    @Test
    void catchesAFieldNoSlotHas() {
        String extra = "[" + SLOT.formatted("null").replace("}", ",\"distance\":212.4}") + "]";

        assertTrue(listSlots("near=45.07,7.68", 200, "application/json", extra).toString().contains("distance"));
    }

    @Test
    void expectsA400ForARadiusWithoutNear() {
        assertEquals(List.of(), listSlots("radius=100", 400, TEXT, "invalid parameters [radius]"));
        assertTrue(listSlots("radius=100", 200, "application/json", "[]").toString().contains("without near"));
    }

    @Test
    void acceptsASlotWithNoReservation() {
        assertEquals(List.of(), getSlot(200, "application/json", SLOT.formatted("null")));
    }

    @Test
    void acceptsASlotReservedByAUser() {
        assertEquals(List.of(), getSlot(200, "application/json", SLOT.formatted("3")));
    }

    @Test
    void catchesAValueOutsideATypeArray() {
        assertTrue(getSlot(200, "application/json", SLOT.formatted("\"3\"")).toString().contains("reserved_by"));
    }

    @Test
    void catchesAMessageOtherThanTheConstOfItsStatus() {
        assertEquals(List.of(), getSlot(404, TEXT, "slot not found"));
        assertEquals(1, getSlot(404, TEXT, "not found").size());
    }

    @Test
    void catchesAStatusTheOperationDoesNotDocument() {
        assertTrue(getSlot(409, TEXT, "slot unavailable").getFirst().contains("is not documented"));
    }

    @Test
    void catchesAContentTypeTheStatusDoesNotDocument() {
        assertTrue(getSlot(200, TEXT, SLOT.formatted("null")).getFirst().contains("Content-Type"));
    }

    @Test
    void catchesAMissingRequiredHeader() {
        List<String> violations = createUser("application/x-www-form-urlencoded", "username=alice&password=secret123",
                201, "OK", "Content-Type", TEXT, "X-Content-Type-Options", "nosniff", "Cache-Control", "no-store");

        assertEquals(List.of("POST /users 201: header Location missing"), violations);
    }

    @Test
    void acceptsARegistrationInEitherFormEncoding() {
        String boundary = "b0undary";
        String multipart = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"username\"\r\n\r\nalice\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"password\"\r\n\r\nsecret123\r\n--" + boundary + "--\r\n";
        String[] created = {"Content-Type", TEXT, "X-Content-Type-Options", "nosniff", "Cache-Control", "no-store", "Location", "/users/1"};

        assertEquals(List.of(), createUser("application/x-www-form-urlencoded", "username=alice&password=secret123", 201, "OK", created));
        assertEquals(List.of(), createUser("multipart/form-data; boundary=" + boundary, multipart, 201, "OK", created));
    }

    @Test
    void catchesAValidFormAnsweredWith400() {
        List<String> violations = createUser("application/x-www-form-urlencoded", "username=alice&password=secret123",
                400, "invalid fields [username]", "Content-Type", TEXT);

        assertTrue(violations.getFirst().startsWith("openapi.yaml accepts the request but the API answered 400"), violations.toString());
    }

    @Test
    void catchesAnInvalidFormAnsweredWithSuccess() {
        List<String> violations = createUser("application/x-www-form-urlencoded", "username=al&password=secret123",
                201, "OK", "Content-Type", TEXT, "Location", "/users/1");

        assertTrue(violations.getFirst().startsWith("openapi.yaml refuses the request (form: "), violations.toString());
    }

    @Test
    void acceptsAJsonBodyRefusedWithMissingForm() {
        assertEquals(List.of(), createUser("application/json", "{}", 400, "missing form",
                "Content-Type", TEXT, "X-Content-Type-Options", "nosniff", "Cache-Control", "no-store"));
    }

    @Test
    void catchesARequestWithoutTokenAnsweredOtherThan401() {
        List<String> violations = CONTRACT.violations(new OpenApiContract.Exchange("GET", "/slots/7", "", headers(), "",
                404, headers("Content-Type", TEXT), "slot not found"));

        assertTrue(violations.contains("a request without a bearer token must get 401, not 404"), violations.toString());
    }

    @Test
    void catchesARouteTheDocumentDoesNotHave() {
        List<String> violations = CONTRACT.violations(new OpenApiContract.Exchange("GET", "/parking", "", headers(), "",
                404, headers("Content-Type", "application/json"), "{\"message\":\"Not Found\"}"));

        assertEquals(List.of("openapi.yaml has no operation GET /parking"), violations);
    }
}
