package parking.functions.localapi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTCreator;
import com.auth0.jwt.algorithms.Algorithm;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import parking.functions.testing.Api;
import parking.local.ProjectRoot;
import parking.local.template.SamTemplate;

/**
 * The JWT attack list and oversized requests, against the deployed handlers over real HTTP:
 * every forged token gets {@code 401 invalid token}, on the authenticated routes of the
 * template in turn, with tokens expiring (in an hour) as a deployment with expiry configured
 * issues them.
 */
@ExtendWith(SharedLocalApi.class)
class AttacksOverHttpIT {

    private static final String ISSUER = "parking-api";
    private static final String PASSWORD = "secret123";

    private static Http http;
    private static String token;
    private static String userId;

    /** Every route that needs a token, with {@code 1} for each path variable: {@code GET /slots/1}. */
    private static final List<String[]> AUTHENTICATED_ROUTES = SamTemplate.load(ProjectRoot.find().resolve("template.yaml")).functions().stream()
            .flatMap(function -> function.routes().stream())
            .filter(route -> !(route.method().equals("POST") && (route.path().equals("/users") || route.path().equals("/users/login"))))
            // The sensor's report takes a sensor key, not a token: a JWT there is `invalid sensor key` (SensorsOverHttpIT).
            .filter(route -> !route.path().endsWith("/occupancy"))
            .map(route -> new String[] {route.method(), route.path().replaceAll("\\{[^}]+}", "1")})
            .toList();

    /** Each attack on one route, turn by turn, so that every route meets several of them. */
    private static final AtomicInteger NEXT_ROUTE = new AtomicInteger();

    @BeforeAll
    static void registerAUser() {
        http = SharedLocalApi.http();
        String name = Api.uniqueName("target");
        HttpResponse<String> created = http.postForm("/users", "username", name, "password", PASSWORD);
        assertEquals(201, created.statusCode(), created.body());
        userId = created.headers().firstValue("location").orElseThrow().substring("/users/".length());
        token = http.postForm("/users/login", "username", name, "password", PASSWORD).body();
    }

    private static byte[] key() {
        return SharedLocalApi.jwtSecret().getBytes(StandardCharsets.UTF_8);
    }

    /** The claims the API itself issues, for {@code subject}, expiring in an hour. */
    private static JWTCreator.Builder claims(String subject) {
        Instant now = Instant.now();
        return JWT.create().withSubject(subject).withClaim("username", "target").withIssuer(ISSUER)
                .withIssuedAt(now).withExpiresAt(now.plusSeconds(SharedLocalApi.TOKEN_LIFETIME_SECONDS));
    }

    private static String base64Url(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String decoded(String base64Url) {
        return new String(Base64.getUrlDecoder().decode(base64Url), StandardCharsets.UTF_8);
    }

    /** A token with this header, signed HS256 with the deployment's own key. */
    private static String hs256WithHeader(String headerJson, String payloadJson) {
        String header = base64Url(headerJson);
        String payload = base64Url(payloadJson);
        byte[] signature = Algorithm.HMAC256(key()).sign(header.getBytes(StandardCharsets.US_ASCII), payload.getBytes(StandardCharsets.US_ASCII));
        return header + "." + payload + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
    }

    private static String payloadOf(String jwt) {
        return decoded(jwt.split("\\.")[1]);
    }

    static Stream<Arguments> forgedTokens() throws NoSuchAlgorithmException {
        String genuine = claims(userId).sign(Algorithm.HMAC256(key()));
        String[] parts = genuine.split("\\.");
        char[] signature = parts[2].toCharArray();
        signature[5] = signature[5] == 'A' ? 'B' : 'A';
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        KeyPair attacker = rsa.generateKeyPair();
        Instant now = Instant.now();
        return Stream.of(
                Arguments.of("alg none, unsigned", claims(userId).sign(Algorithm.none())),
                Arguments.of("alg none over a valid HS256 signature", hs256WithHeader("{\"alg\":\"none\",\"typ\":\"JWT\"}", payloadOf(genuine))),
                Arguments.of("HS384 with the deployment's key", claims(userId).sign(Algorithm.HMAC384(key()))),
                Arguments.of("HS512 with the deployment's key", claims(userId).sign(Algorithm.HMAC512(key()))),
                Arguments.of("RS256 header over an HS256 signature", hs256WithHeader("{\"alg\":\"RS256\",\"typ\":\"JWT\"}", payloadOf(genuine))),
                Arguments.of("RS256 with an attacker's RSA key",
                        claims(userId).sign(Algorithm.RSA256((RSAPublicKey) attacker.getPublic(), (RSAPrivateKey) attacker.getPrivate()))),
                Arguments.of("tampered header", base64Url("{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"other\"}") + "." + parts[1] + "." + parts[2]),
                Arguments.of("tampered payload (another user)", parts[0] + "." + base64Url(payloadOf(genuine)
                        .replace("\"sub\":\"" + userId + "\"", "\"sub\":\"" + (Long.parseLong(userId) + 1) + "\"")) + "." + parts[2]),
                Arguments.of("tampered signature", parts[0] + "." + parts[1] + "." + new String(signature)),
                Arguments.of("signature removed", parts[0] + "." + parts[1] + "."),
                Arguments.of("another deployment's secret", claims(userId).sign(Algorithm.HMAC256("another-deployment-secret-of-at-least-32-bytes"))),
                Arguments.of("another issuer", claims(userId).withIssuer("someone-else").sign(Algorithm.HMAC256(key()))),
                Arguments.of("no sub", JWT.create().withIssuer(ISSUER).withIssuedAt(now).sign(Algorithm.HMAC256(key()))),
                Arguments.of("non-numeric sub", claims("alice").sign(Algorithm.HMAC256(key()))),
                Arguments.of("sub not canonical", claims("0" + userId).sign(Algorithm.HMAC256(key()))),
                Arguments.of("oversized (64 KiB payload)", parts[0] + "." + base64Url(payloadOf(genuine)
                        .replace("}", ",\"pad\":\"" + "x".repeat(64 * 1024) + "\"}")) + "." + parts[2]),
                Arguments.of("expired", claims(userId).withIssuedAt(now.minusSeconds(7200)).withExpiresAt(now.minusSeconds(3600))
                        .sign(Algorithm.HMAC256(key()))),
                Arguments.of("not yet valid (nbf in an hour)", claims(userId).withNotBefore(now.plusSeconds(3600)).sign(Algorithm.HMAC256(key()))),
                Arguments.of("issued in the future (iat in an hour)", claims(userId).withIssuedAt(now.plusSeconds(3600)).sign(Algorithm.HMAC256(key()))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forgedTokens")
    void aForgedTokenIsAnInvalidToken(String attack, String forged) {
        String[] route = AUTHENTICATED_ROUTES.get(NEXT_ROUTE.getAndIncrement() % AUTHENTICATED_ROUTES.size());

        assertInvalidToken(attack + " on " + route[0] + " " + route[1], http.form(route[0], route[1], forged));
    }

    @Test
    void anUnsignedTokenIsAnInvalidTokenOnEveryAuthenticatedRoute() {
        String unsigned = claims(userId).sign(Algorithm.none());

        for (String[] route : AUTHENTICATED_ROUTES) {
            assertInvalidToken(route[0] + " " + route[1], http.form(route[0], route[1], unsigned));
        }
    }

    private static void assertInvalidToken(String what, HttpResponse<String> response) {
        assertEquals(401, response.statusCode(), what + ": " + response.body());
        assertEquals("invalid token", response.body(), what);
        assertEquals("Bearer error=\"invalid_token\"", response.headers().firstValue("www-authenticate").orElseThrow(), what);
    }

    @Test
    void aTokenForgedWithTheDeploymentsKeyAndAllClaimsIsAccepted() {
        // Guards the attacks above: each fails for the one thing it changes, not for a wrong key.
        assertEquals(200, http.get("/users/" + userId, claims(userId).sign(Algorithm.HMAC256(key()))).statusCode());
    }

    @Test
    void aLoginTokenCarriesTheConfiguredExpiry() {
        String payload = payloadOf(token);
        long issuedAt = Long.parseLong(payload.replaceAll(".*\"iat\":(\\d+).*", "$1"));
        long expiresAt = Long.parseLong(payload.replaceAll(".*\"exp\":(\\d+).*", "$1"));

        assertEquals(SharedLocalApi.TOKEN_LIFETIME_SECONDS, expiresAt - issuedAt);
        assertEquals(200, http.get("/users/" + userId, token).statusCode());
    }

    @Test
    void anOversizedAuthorizationHeaderIsAnInvalidToken() {
        assertInvalidToken("64 KiB", http.header("Authorization", "Bearer " + "a".repeat(32 * 1024) + "." + "b".repeat(32 * 1024) + ".c").get("/slots"));
    }

    @Test
    void anAuthorizationHeaderOfAnotherSchemeIsAMissingToken() {
        HttpResponse<String> response = http.header("Authorization", "Basic " + base64Url("alice:" + PASSWORD)).get("/slots");

        assertEquals(401, response.statusCode(), response.body());
        assertEquals("missing token", response.body());
    }

    @Test
    void oversizedQueryParametersAreInvalidParameters() {
        HttpResponse<String> limit = http.get("/slots?limit=" + "9".repeat(16 * 1024), token);
        HttpResponse<String> cursor = http.get("/users?cursor=" + "A".repeat(64 * 1024), token);
        HttpResponse<String> owner = http.get("/slots?owner_id=" + "1".repeat(16 * 1024) + "&available=" + "true".repeat(4096), token);

        assertEquals("400 invalid parameters [limit]", limit.statusCode() + " " + limit.body());
        assertEquals("400 invalid parameters [cursor]", cursor.statusCode() + " " + cursor.body());
        assertEquals("400 invalid parameters [available, owner_id]", owner.statusCode() + " " + owner.body());
    }

    @Test
    void aBodyOver16KibIsPayloadTooLargeAndOneAtTheLimitIsRead() {
        String atLimit = "x".repeat(16 * 1024 - "name=".length());

        HttpResponse<String> over = http.form("POST", "/slots", token, "name", atLimit + "x");
        HttpResponse<String> at = http.form("POST", "/slots", token, "name", atLimit);

        assertEquals("413 payload too large", over.statusCode() + " " + over.body());
        assertEquals("400 missing fields [latitude, longitude]", at.statusCode() + " " + at.body());
    }

    @Test
    void pathIdsThatAreNotPositiveIntegersAreNotFound() {
        for (String id : List.of("0", "-1", "01", "+1", "1e3", "1.0", "0x10", "99999999999999999999")) {
            HttpResponse<String> response = http.get("/slots/" + id, token);

            assertEquals("404 slot not found", response.statusCode() + " " + response.body(), id);
        }
    }

    @Test
    void unicodeTravelsIntactAndControlCharactersAreInvalidFields() throws JsonProcessingException {
        String name = "Piazza \u00e8 \ud83d\ude97 \u202e\u0645";

        HttpResponse<String> created = http.form("POST", "/slots", token, "name", name, "latitude", "45", "longitude", "7");
        HttpResponse<String> control = http.form("POST", "/slots", token, "name", "A\u0000B", "latitude", "45", "longitude", "7");
        HttpResponse<String> username = http.postForm("/users", "username", "bad\u001bname", "password", PASSWORD);

        assertEquals(201, created.statusCode(), created.body());
        assertEquals(name, new ObjectMapper().readTree(created.body()).get("name").asText());
        assertEquals("400 invalid fields [name]", control.statusCode() + " " + control.body());
        assertEquals("400 invalid fields [username]", username.statusCode() + " " + username.body());
    }
}
