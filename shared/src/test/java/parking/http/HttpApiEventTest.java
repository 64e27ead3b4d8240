package parking.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import parking.auth.Tokens;

/** The one event model writes what API Gateway sends, and priming asks for what no one has. */
class HttpApiEventTest {

    private static final Tokens TOKENS = new Tokens("a-secret-long-enough-for-hs256-0123456789", "parking-api",
            Optional.empty(), Clock.systemUTC());

    @Test
    void queryParametersAreDecodedAndRepeatedOnesJoinedByCommasAsApiGatewayDoes() {
        APIGatewayV2HTTPEvent event = HttpApiEvent.request("GET", "/slots").query("near=45.07%2C7.68&owner_id=1&owner_id=2&q=x+y&bare").build();

        assertEquals("near=45.07%2C7.68&owner_id=1&owner_id=2&q=x+y&bare", event.getRawQueryString());
        assertEquals(Map.of("near", "45.07,7.68", "owner_id", "1,2", "q", "x y", "bare", ""), event.getQueryStringParameters());
    }

    @Test
    void sentHeadersAreLowerCasedWithRepeatedOnesJoinedByCommasAndCookiesInTheirOwnField() {
        Map<String, List<String>> sent = new LinkedHashMap<>();
        sent.put("Accept", List.of("text/html", "application/json"));
        sent.put("X-Trace", List.of("a"));
        sent.put("x-trace", List.of("b"));
        sent.put("Cookie", List.of("session=s1; theme=dark", "lang=en"));

        APIGatewayV2HTTPEvent event = HttpApiEvent.request("GET", "/users").sentHeaders(sent).build();

        assertEquals(Map.of("accept", "text/html,application/json", "x-trace", "a,b"), event.getHeaders());
        assertEquals(List.of("session=s1", "theme=dark", "lang=en"), event.getCookies());
    }

    @Test
    void aSentBodyArrivesAsItIsOnlyWhenItsTypeIsTextJsonXmlOrJavaScript() {
        for (String textual : List.of("text/plain", "text/csv; charset=utf-8", "application/json", "application/problem+json",
                "application/xml", "application/atom+xml", "application/javascript", "APPLICATION/JSON")) {
            APIGatewayV2HTTPEvent event = sent(textual, "a=1");
            assertFalse(event.getIsBase64Encoded(), textual);
            assertEquals("a=1", event.getBody(), textual);
        }
        for (String binary : List.of("application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
                "application/octet-stream", "image/png")) {
            APIGatewayV2HTTPEvent event = sent(binary, "a=1");
            assertTrue(event.getIsBase64Encoded(), binary);
            assertEquals("YT0x", event.getBody(), binary);
        }
        assertTrue(sent(null, "a=1").getIsBase64Encoded(), "a body without a type arrives base64-encoded");
    }

    @Test
    void anEmptySentBodyIsNoBody() {
        APIGatewayV2HTTPEvent event = sent("application/json", "");

        assertNull(event.getBody());
        assertFalse(event.getIsBase64Encoded());
    }

    @Test
    void theRequestContextDescribesTheApiTheCallerAndTheTimeOnceGiven() {
        APIGatewayV2HTTPEvent event = HttpApiEvent.matched("ANY /{proxy+}", "PUT", "/a/b")
                .sentHeaders(Map.of("Host", List.of("abc123.execute-api.us-east-1.amazonaws.com:443"), "User-Agent", List.of("curl/8")))
                .api(new HttpApiEvent.Api("abc123", "000000000000"))
                .caller("203.0.113.7", "HTTP/1.1")
                .time(Instant.ofEpochMilli(1583348638390L))
                .build();

        APIGatewayV2HTTPEvent.RequestContext context = event.getRequestContext();
        assertEquals("ANY /{proxy+}", event.getRouteKey());
        assertEquals("PUT", context.getHttp().getMethod());
        assertEquals("abc123.execute-api.us-east-1.amazonaws.com", context.getDomainName());
        assertEquals("abc123", context.getDomainPrefix());
        assertEquals("000000000000", context.getAccountId());
        assertEquals("203.0.113.7", context.getHttp().getSourceIp());
        assertEquals("curl/8", context.getHttp().getUserAgent());
        assertEquals("04/Mar/2020:19:03:58 +0000", context.getTime());
        assertEquals(1583348638390L, context.getTimeEpoch());
    }

    @Test
    void withoutThemTheRequestContextNamesOnlyTheRouteAndTheRequest() {
        APIGatewayV2HTTPEvent.RequestContext context = HttpApiEvent.request("GET", "/users").requestId("r1").build().getRequestContext();

        assertEquals("r1", context.getRequestId());
        assertEquals("GET /users", context.getRouteKey());
        assertNull(context.getDomainName());
        assertNull(context.getHttp().getSourceIp());
        assertNull(context.getTime());
    }

    @Test
    void aFormArrivesBase64EncodedWithItsContentType() {
        APIGatewayV2HTTPEvent event = HttpApiEvent.request("POST", "/users").form("username", "al ice", "password", "s\u00e9cret").build();

        assertTrue(event.getIsBase64Encoded());
        assertEquals("application/x-www-form-urlencoded", event.getHeaders().get("content-type"));
        assertEquals("username=al+ice&password=s%C3%A9cret",
                new String(Base64.getDecoder().decode(event.getBody()), StandardCharsets.UTF_8));
    }

    @Test
    void thePrimingRequestOfARouteNamesTheUnusedIdAndCarriesAToken() {
        APIGatewayV2HTTPEvent event = Priming.request("DELETE /slots/{slot_id}/reservation", Optional.of(TOKENS.issue(Long.MAX_VALUE, "priming"))).build();

        assertEquals("DELETE /slots/{slot_id}/reservation", event.getRouteKey());
        assertEquals("/slots/" + Priming.UNUSED_ID + "/reservation", event.getRawPath());
        assertEquals(Map.of("slot_id", Priming.UNUSED_ID), event.getPathParameters());
        assertEquals(Long.MAX_VALUE, TOKENS.verify(event.getHeaders().get("authorization").substring("Bearer ".length())).getAsLong());
    }

    private static APIGatewayV2HTTPEvent sent(String contentType, String body) {
        Map<String, List<String>> headers = contentType == null ? Map.of() : Map.of("Content-Type", List.of(contentType));
        return HttpApiEvent.request("POST", "/users").sentHeaders(headers).sentBody(body.getBytes(StandardCharsets.UTF_8)).build();
    }
}
