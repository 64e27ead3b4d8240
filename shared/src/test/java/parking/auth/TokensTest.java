package parking.auth;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTCreator;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.interfaces.DecodedJWT;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TokensTest {

    private static final String SECRET = "0123456789abcdef0123456789abcdef-test-only";
    private static final String ISSUER = "parking-api";
    private static final Instant NOW = Instant.parse("2026-11-28T20:31:05Z");

    private final MovableClock clock = new MovableClock(NOW);
    private final Tokens tokens = new Tokens(SECRET, ISSUER, Optional.empty(), clock);

    /** A clock tests can move forward, as {@link Tokens} reads the time on every call. */
    private static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }

    private static byte[] key() {
        return SECRET.getBytes(StandardCharsets.UTF_8);
    }

    /** What {@link Tokens#issue} writes, ready to be signed any way an attacker likes. */
    private static JWTCreator.Builder claims(String subject) {
        return JWT.create().withSubject(subject).withClaim("username", "alice").withIssuer(ISSUER).withIssuedAt(NOW);
    }

    private static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String json(String base64Url) {
        return new String(Base64.getUrlDecoder().decode(base64Url), StandardCharsets.UTF_8);
    }

    /** A token whose header says {@code headerJson} and whose signature is HMAC-SHA256 with our secret. */
    private static String hs256SignedWithHeader(String headerJson, String payloadJson) {
        String header = base64Url(headerJson);
        String payload = base64Url(payloadJson);
        byte[] signature = Algorithm.HMAC256(key()).sign(header.getBytes(StandardCharsets.US_ASCII), payload.getBytes(StandardCharsets.US_ASCII));
        return header + "." + payload + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
    }

    private static String payloadFor(String subject) {
        return "{\"sub\":\"" + subject + "\",\"username\":\"alice\",\"iss\":\"" + ISSUER + "\",\"iat\":" + NOW.getEpochSecond() + "}";
    }

    private void assertRejected(String token) {
        assertEquals(OptionalLong.empty(), assertDoesNotThrow(() -> tokens.verify(token)));
    }

    // --- issued tokens

    @Test
    void issuedTokenVerifiesToTheUserId() {
        assertEquals(OptionalLong.of(42), tokens.verify(tokens.issue(42, "alice")));
    }

    @Test
    void issuedTokenIsHs256WithJwtType() {
        DecodedJWT jwt = JWT.decode(tokens.issue(42, "alice"));

        assertEquals("HS256", jwt.getAlgorithm());
        assertEquals("JWT", jwt.getType());
    }

    @Test
    void acceptsATokenIssuedBySomeoneWhoseClockRunsALittleAhead() {
        String token = JWT.create().withSubject("42").withIssuer(ISSUER).withIssuedAt(NOW.plusSeconds(30))
                .sign(Algorithm.HMAC256(key()));

        assertEquals(OptionalLong.of(42), tokens.verify(token));
    }

    @Test
    void rejectsATokenIssuedFarInTheFuture() {
        String token = JWT.create().withSubject("42").withIssuer(ISSUER).withIssuedAt(NOW.plusSeconds(3600))
                .sign(Algorithm.HMAC256(key()));

        assertEquals(OptionalLong.empty(), tokens.verify(token));
    }

    @Test
    void issuedTokenCarriesSubjectAsAStringUsernameIssuerAndIssuedAt() {
        DecodedJWT jwt = JWT.decode(tokens.issue(42, "Alice.Smith"));

        assertTrue(json(jwt.getPayload()).contains("\"sub\":\"42\""), jwt.getPayload());
        assertEquals("42", jwt.getSubject());
        assertEquals("Alice.Smith", jwt.getClaim("username").asString());
        assertEquals(ISSUER, jwt.getIssuer());
        assertEquals(NOW, jwt.getIssuedAtAsInstant());
    }

    @Test
    void issuedTokenHasNoExpiryByDefault() {
        DecodedJWT jwt = JWT.decode(tokens.issue(42, "alice"));

        assertNull(jwt.getExpiresAtAsInstant());
        assertTrue(jwt.getClaim("exp").isMissing());
    }

    @Test
    void tokenWithoutExpiryStillVerifiesYearsLater() {
        String token = tokens.issue(42, "alice");
        clock.advance(Duration.ofDays(3650));

        assertEquals(OptionalLong.of(42), tokens.verify(token));
    }

    @Test
    void configuredLifetimeAddsExpiryAfterIssuedAt() {
        Tokens expiring = new Tokens(SECRET, ISSUER, Optional.of(Duration.ofHours(12)), clock);

        DecodedJWT jwt = JWT.decode(expiring.issue(42, "alice"));

        assertEquals(NOW.plus(Duration.ofHours(12)), jwt.getExpiresAtAsInstant());
    }

    @Test
    void tokenWithExpiryVerifiesBeforeItExpires() {
        Tokens expiring = new Tokens(SECRET, ISSUER, Optional.of(Duration.ofHours(1)), clock);
        String token = expiring.issue(42, "alice");
        clock.advance(Duration.ofMinutes(59));

        assertEquals(OptionalLong.of(42), expiring.verify(token));
    }

    @Test
    void expiredTokenIsRejected() {
        Tokens expiring = new Tokens(SECRET, ISSUER, Optional.of(Duration.ofHours(1)), clock);
        String token = expiring.issue(42, "alice");
        clock.advance(Duration.ofHours(1).plusSeconds(1));

        assertEquals(OptionalLong.empty(), expiring.verify(token));
    }

    @Test
    void expiredTokenIsRejectedEvenWhenExpiryIsNotConfigured() {
        assertRejected(claims("42").withExpiresAt(NOW.minusSeconds(1)).sign(Algorithm.HMAC256(key())));
    }

    @Test
    void notYetValidTokenIsRejected() {
        assertRejected(claims("42").withNotBefore(NOW.plusSeconds(60)).sign(Algorithm.HMAC256(key())));
    }

    @Test
    void tokenForgedWithTheRealKeyAndAllClaimsIsAccepted() {
        // Guards the forgeries below: they fail for the one thing each changes, not by accident.
        assertEquals(OptionalLong.of(42), tokens.verify(claims("42").sign(Algorithm.HMAC256(key()))));
        assertEquals(OptionalLong.of(42), tokens.verify(hs256SignedWithHeader("{\"alg\":\"HS256\",\"typ\":\"JWT\"}", payloadFor("42"))));
    }

    // --- algorithm attacks

    @Test
    void unsignedAlgNoneTokenIsRejected() {
        String none = claims("42").sign(Algorithm.none());
        assertTrue(none.endsWith("."), none);

        assertRejected(none);
    }

    @Test
    void algNoneHeaderWithAValidHs256SignatureIsRejected() {
        assertRejected(hs256SignedWithHeader("{\"alg\":\"none\",\"typ\":\"JWT\"}", payloadFor("42")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"HS384", "HS512"})
    void tokenSignedWithAnotherHmacAlgorithmAndTheSameKeyIsRejected(String name) {
        Algorithm other = name.equals("HS384") ? Algorithm.HMAC384(key()) : Algorithm.HMAC512(key());

        assertRejected(claims("42").sign(other));
    }

    @ParameterizedTest
    @ValueSource(strings = {"RS256", "HS384", "HS512", "ES256", "hs256", "PS256"})
    void headerNamingAnotherAlgorithmOverAValidHs256SignatureIsRejected(String alg) {
        assertRejected(hs256SignedWithHeader("{\"alg\":\"" + alg + "\",\"typ\":\"JWT\"}", payloadFor("42")));
    }

    @Test
    void tokenSignedWithAnRsaKeyIsRejected() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();

        assertRejected(claims("42").sign(Algorithm.RSA256((RSAPublicKey) pair.getPublic(), (RSAPrivateKey) pair.getPrivate())));
    }

    @Test
    void headerWithoutAlgorithmIsRejected() {
        assertRejected(hs256SignedWithHeader("{\"typ\":\"JWT\"}", payloadFor("42")));
    }

    // --- tampering and other keys

    @Test
    void tamperedPayloadIsRejected() {
        String[] parts = tokens.issue(42, "alice").split("\\.");
        String otherUser = base64Url(json(parts[1]).replace("\"sub\":\"42\"", "\"sub\":\"1\""));

        assertRejected(parts[0] + "." + otherUser + "." + parts[2]);
    }

    @Test
    void tamperedHeaderIsRejected() {
        String[] parts = tokens.issue(42, "alice").split("\\.");
        String header = base64Url("{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"other\"}");

        assertRejected(header + "." + parts[1] + "." + parts[2]);
    }

    @Test
    void tamperedSignatureIsRejected() {
        String[] parts = tokens.issue(42, "alice").split("\\.");
        char[] signature = parts[2].toCharArray();
        signature[5] = signature[5] == 'A' ? 'B' : 'A';

        assertRejected(parts[0] + "." + parts[1] + "." + new String(signature));
    }

    @Test
    void tokenWithoutSignatureIsRejected() {
        String[] parts = tokens.issue(42, "alice").split("\\.");

        assertRejected(parts[0] + "." + parts[1] + ".");
        assertRejected(parts[0] + "." + parts[1]);
    }

    @Test
    void tokenSignedWithAnotherSecretIsRejected() {
        Tokens otherDeployment = new Tokens("another-deployment-secret-of-32-bytes!", ISSUER, Optional.empty(), clock);

        assertRejected(otherDeployment.issue(42, "alice"));
    }

    @Test
    void tokenFromAnotherIssuerIsRejected() {
        Tokens otherIssuer = new Tokens(SECRET, "someone-else", Optional.empty(), clock);

        assertRejected(otherIssuer.issue(42, "alice"));
    }

    @Test
    void tokenWithoutIssuerIsRejected() {
        assertRejected(JWT.create().withSubject("42").withIssuedAt(NOW).sign(Algorithm.HMAC256(key())));
    }

    // --- subject

    @Test
    void tokenWithoutSubjectIsRejected() {
        assertRejected(JWT.create().withClaim("username", "alice").withIssuer(ISSUER).withIssuedAt(NOW).sign(Algorithm.HMAC256(key())));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "alice", "0", "-1", "01", "+1", " 1", "1 ", "1.0", "1e3", "0x1", "9223372036854775808", "99999999999999999999"})
    void tokenWhoseSubjectIsNotAPositiveIdIsRejected(String subject) {
        assertRejected(claims(subject).sign(Algorithm.HMAC256(key())));
    }

    @Test
    void largestLongSubjectIsAccepted() {
        assertEquals(OptionalLong.of(Long.MAX_VALUE), tokens.verify(claims(Long.toString(Long.MAX_VALUE)).sign(Algorithm.HMAC256(key()))));
    }

    // --- garbage

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "garbage", "a.b.c", "..", "...", "a.b.c.d", "eyJ.eyJ.eyJ", "Bearer x", "%%%.%%%.%%%", "\u0000"})
    void garbageIsRejected(String token) {
        assertRejected(token);
    }

    @Test
    void headerAndPayloadThatAreNotJsonAreRejected() {
        assertRejected(hs256SignedWithHeader("not json", payloadFor("42")));
        assertRejected(hs256SignedWithHeader("{\"alg\":\"HS256\",\"typ\":\"JWT\"}", "[1,2,3]"));
    }

    @Test
    void oversizedTokenIsRejected() {
        String[] parts = tokens.issue(42, "alice").split("\\.");
        String padded = base64Url(json(parts[1]).replace("}", ",\"pad\":\"" + "x".repeat(1_000_000) + "\"}"));

        assertRejected(parts[0] + "." + padded + "." + parts[2]);
        assertRejected("a".repeat(2_000_000));
    }

    // --- secret

    @Test
    void secretShorterThanThirtyTwoBytesIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Tokens("x".repeat(31), ISSUER, Optional.empty(), clock));
        assertThrows(IllegalArgumentException.class, () -> new Tokens("", ISSUER, Optional.empty(), clock));
    }

    @Test
    void secretOfThirtyTwoBytesIsAccepted() {
        Tokens minimal = new Tokens("x".repeat(32), ISSUER, Optional.empty(), clock);

        assertEquals(OptionalLong.of(7), minimal.verify(minimal.issue(7, "bob")));
    }

    @Test
    void secretLengthIsCountedInUtf8Bytes() {
        assertDoesNotThrow(() -> new Tokens("é".repeat(16), ISSUER, Optional.empty(), clock));
        assertThrows(IllegalArgumentException.class, () -> new Tokens("é".repeat(15) + "x", ISSUER, Optional.empty(), clock));
    }
}
