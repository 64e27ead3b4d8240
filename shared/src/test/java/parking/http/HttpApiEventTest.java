package parking.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
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
        APIGatewayV2HTTPEvent event = HttpApiEvent.request("GET", "/slots").query("near=45.07%2C7.68&owner_id=1&owner_id=2").build();

        assertEquals("near=45.07%2C7.68&owner_id=1&owner_id=2", event.getRawQueryString());
        assertEquals(Map.of("near", "45.07,7.68", "owner_id", "1,2"), event.getQueryStringParameters());
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
        APIGatewayV2HTTPEvent event = Priming.request("DELETE /slots/{slot_id}/reservation", Optional.of(TOKENS)).build();

        assertEquals("DELETE /slots/{slot_id}/reservation", event.getRouteKey());
        assertEquals("/slots/" + Priming.UNUSED_ID + "/reservation", event.getRawPath());
        assertEquals(Map.of("slot_id", Priming.UNUSED_ID), event.getPathParameters());
        assertEquals(Long.MAX_VALUE, TOKENS.verify(event.getHeaders().get("authorization").substring("Bearer ".length())).getAsLong());
    }
}
