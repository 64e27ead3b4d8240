package parking.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.constraints.IntRange;
import parking.auth.Tokens;
import parking.errors.ApiException;
import parking.form.FieldCheck;
import parking.form.Form;
import parking.paging.PageRequest;
import parking.slots.SlotRules;
import parking.testing.HostileText;

/**
 * Random requests (bodies plain or base64, broken base64, any content type, any Authorization
 * header, any path id and query) through {@link Request} and {@link Endpoint} only ever get the
 * contract's answers: never a 500, never an exception out of the handler.
 */
class RequestPropertiesTest {

    private static final Tokens TOKENS = new Tokens("0123456789abcdef0123456789abcdef-test-only", "parking-api",
            Optional.empty(), Clock.fixed(Instant.parse("2026-11-28T20:31:05Z"), ZoneOffset.UTC));
    private static final String TOKEN = TOKENS.issue(42, "alice");

    /** What a slot route does with a request: page, form, fields and path id, in the contract's order. */
    private static final Endpoint.Action SLOT_ROUTE = request -> {
        ParameterCheck parameters = new ParameterCheck(request);
        parameters.page();
        parameters.optional("available", SlotRules::flag);
        parameters.throwIfAny();
        FieldCheck fields = new FieldCheck(request.form());
        fields.required("name", SlotRules::name);
        fields.required("latitude", SlotRules::latitude);
        fields.required("longitude", SlotRules::longitude);
        fields.optional("occupied", SlotRules::flag);
        fields.throwIfAny();
        request.pathId("slot_id").orElseThrow(() -> ApiException.notFound("slot not found"));
        return Responses.message(200, "done");
    };

    /** A request body as it may reach a function. */
    record Body(String text, boolean base64) {
    }

    @Provide
    Arbitrary<String> contentTypes() {
        return Arbitraries.oneOf(
                Arbitraries.of("application/x-www-form-urlencoded", "application/x-www-form-urlencoded; charset=utf-8",
                        "multipart/form-data; boundary=XyZ", "multipart/form-data", "application/json", "text/plain"),
                HostileText.anything());
    }

    @Provide
    Arbitrary<Body> bodies() {
        Arbitrary<String> forms = Arbitraries.of("name=A-1&latitude=45&longitude=7", "name=&latitude=x", "a=b", "=", "&&", "%", "%zz",
                "name=%C3%A8&latitude=90.0&longitude=-180&occupied=TRUE");
        Arbitrary<String> multipart = Arbitraries.strings().ofMaxLength(60)
                .map(value -> "--XyZ\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\n" + value + "\r\n--XyZ--\r\n");
        Arbitrary<String> text = Arbitraries.oneOf(forms, multipart, HostileText.anything());
        Arbitrary<Body> plain = text.map(t -> new Body(t, false));
        Arbitrary<Body> encoded = Arbitraries.oneOf(text.map(t -> t.getBytes(StandardCharsets.UTF_8)),
                        Arbitraries.bytes().array(byte[].class).ofMaxSize(300))
                .map(bytes -> new Body(Base64.getEncoder().encodeToString(bytes), true));
        Arbitrary<Body> brokenBase64 = text.map(t -> new Body(t, true));
        Arbitrary<Body> none = Arbitraries.just(new Body(null, false));
        Arbitrary<Body> oversized = Arbitraries.integers().between(Request.MAX_BODY_BYTES - 2, Request.MAX_BODY_BYTES + 100)
                .map(size -> "name=" + "x".repeat(size))
                .flatMap(form -> Arbitraries.of(new Body(form, false),
                        new Body(Base64.getEncoder().encodeToString(form.getBytes(StandardCharsets.US_ASCII)), true)));
        return Arbitraries.oneOf(plain, encoded, brokenBase64, none, oversized);
    }

    @Provide
    Arbitrary<String> authorizations() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.of("Bearer " + TOKEN, "bearer " + TOKEN, "BEARER  " + TOKEN)),
                Tuple.of(1, Arbitraries.of(null, "Bearer", "Bearer ", "Basic YWxpY2U6cHc=", TOKEN)),
                Tuple.of(1, HostileText.anything().map(text -> "Bearer " + text)),
                Tuple.of(1, HostileText.anything()));
    }

    /** Mostly well-formed parts, so that every answer up to 200 is reached, with hostile ones mixed in. */
    @Provide
    Arbitrary<HttpApiEvent> requests() {
        Arbitrary<String> contentTypes = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.just("application/x-www-form-urlencoded")), Tuple.of(1, contentTypes()));
        Arbitrary<Body> bodies = Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.of(new Body("name=A-1&latitude=45&longitude=7", false),
                        new Body(Base64.getEncoder().encodeToString("name=A-1&latitude=45&longitude=7".getBytes(StandardCharsets.UTF_8)), true))),
                Tuple.of(3, bodies()));
        Arbitrary<String> slotIds = Arbitraries.oneOf(Arbitraries.longs().between(1, Long.MAX_VALUE).map(String::valueOf), HostileText.anything());
        Arbitrary<Map<String, String>> queries = Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.just(Map.of())),
                Tuple.of(1, Arbitraries.maps(Arbitraries.of("limit", "cursor", "available", "owner_id"), HostileText.anything()).ofMaxSize(3)));
        return Combinators.combine(authorizations(), contentTypes, bodies, slotIds, queries,
                        Arbitraries.of("content-type", "Content-Type", "CONTENT-TYPE"))
                .as((authorization, contentType, body, slotId, query, contentTypeName) -> {
                    HttpApiEvent event = HttpEvent.request("/slots/" + slotId).pathParameter("slot_id", slotId)
                            .header(contentTypeName, contentType)
                            .rawBody(body.text(), body.base64());
                    if (authorization != null) {
                        event.header("authorization", authorization);
                    }
                    query.forEach(event::queryParameter);
                    return event;
                });
    }

    @Property(tries = 3000)
    void everyRequestToAnAuthenticatedRouteGetsAContractAnswer(@ForAll("requests") HttpApiEvent request) {
        APIGatewayV2HTTPResponse response = Endpoint.authenticated(TOKENS).serve(request.build(), null, SLOT_ROUTE);

        assertContractAnswer(response, Set.of(200, 400, 401, 404, 413));
        // The generators must reach every answer, or the property proves less than it says.
        Statistics.label("status").collect(response.getStatusCode())
                .coverage(coverage -> Set.of(200, 400, 401, 404, 413).forEach(status -> coverage.check(status).count(n -> n > 0)));
    }

    @Property(tries = 2000)
    void everyRequestToAnOpenRouteGetsAContractAnswer(@ForAll("requests") HttpApiEvent request) {
        APIGatewayV2HTTPResponse response = Endpoint.open().serve(request.build(), null, SLOT_ROUTE);

        assertContractAnswer(response, Set.of(200, 400, 404, 413));
    }

    @Property(tries = 2000)
    void anyBodyIsAFormOrMissingFormAndNeverAnythingElse(@ForAll("contentTypes") String contentType, @ForAll("bodies") Body body) {
        Request request = HttpEvent.asRequest(HttpEvent.request().header("content-type", contentType).rawBody(body.text(), body.base64()));

        outcome(request::form);
        Optional<Form> optional = outcome(request::optionalForm);
        if (body.text() == null || body.text().isEmpty()) {
            assertEquals(Optional.empty(), optional);
        }
    }

    @Property(tries = 1000)
    void aBodyReadsTheSameWhetherItCameBase64EncodedOrNot(@ForAll("contentTypes") String contentType, @ForAll("bodies") Body body) {
        // Only text the function can receive unencoded: valid Unicode.
        String text = body.base64() || body.text() == null || body.text().codePoints().anyMatch(cp -> Character.getType(cp) == Character.SURROGATE)
                ? "name=x" : body.text();
        Request plain = HttpEvent.asRequest(HttpEvent.request().header("content-type", contentType).rawBody(text, false));
        Request encoded = HttpEvent.asRequest(HttpEvent.request().header("content-type", contentType)
                .body(null, text.getBytes(StandardCharsets.UTF_8)));

        assertEquals(outcome(plain::form).map(Form::asMap), outcome(encoded::form).map(Form::asMap));
    }

    @Property(tries = 100)
    void aBodyIsTooLargeExactlyWhenItsDecodedBytesExceed16KiB(@ForAll @IntRange(min = -64, max = 64) int offset,
                                                              @ForAll boolean base64) {
        int size = Request.MAX_BODY_BYTES + offset;
        String body = "a=" + "x".repeat(size - 2);
        HttpApiEvent event = HttpEvent.request().header("content-type", HttpEvent.URLENCODED);
        Request request = HttpEvent.asRequest(base64 ? event.body(null, body.getBytes(StandardCharsets.US_ASCII)) : event.rawBody(body, false));

        try {
            request.rejectOversizedBody();
            assertTrue(size <= Request.MAX_BODY_BYTES, size + " bytes accepted");
        } catch (ApiException refused) {
            assertEquals(413, refused.status());
            assertTrue(size > Request.MAX_BODY_BYTES, size + " bytes refused");
        }
    }

    /** The form, or empty for the contract's {@code 400 missing form}; any other failure fails the property. */
    private static Optional<Form> outcome(Supplier<?> read) {
        try {
            Object form = read.get();
            return form instanceof Optional<?> optional ? optional.map(Form.class::cast) : Optional.of((Form) form);
        } catch (ApiException refused) {
            assertEquals(400, refused.status());
            assertEquals("missing form", refused.getMessage());
            return Optional.empty();
        }
    }

    private static void assertContractAnswer(APIGatewayV2HTTPResponse response, Set<Integer> statuses) {
        assertTrue(statuses.contains(response.getStatusCode()), response.getStatusCode() + " " + response.getBody());
        String message = response.getBody();
        boolean contractMessage = switch (response.getStatusCode()) {
            case 200 -> message.equals("done");
            case 400 -> message.equals("missing form")
                    || message.matches("(missing|invalid) fields \\[(name|latitude|longitude|occupied)(, (name|latitude|longitude|occupied))*]")
                    || message.matches("invalid parameters \\[(limit|cursor|available)(, (limit|cursor|available))*]");
            case 401 -> message.equals("missing token") || message.equals("invalid token");
            case 404 -> message.equals("slot not found");
            case 413 -> message.equals("payload too large");
            default -> false;
        };
        assertTrue(contractMessage, response.getStatusCode() + " " + message);
        assertEquals("no-store", response.getHeaders().get("Cache-Control"));
        assertEquals("nosniff", response.getHeaders().get("X-Content-Type-Options"));
    }
}
