package parking.auth;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.interfaces.DecodedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Issues and verifies the API's JWTs (RFC 7519): HS256 only, with the per-deployment secret.
 *
 * <p>The verifier is pinned to HS256, so a token whose header names {@code none}, HS384, RS256 or
 * anything else fails even if its signature would match under that algorithm.
 */
public final class Tokens {

    /** RFC 7518 section 3.2: an HS256 key must be at least as long as the hash output. */
    private static final int MIN_SECRET_BYTES = 32;
    private static final long ISSUED_AT_LEEWAY_SECONDS = 60;

    private final Algorithm algorithm;
    private final JWTVerifier verifier;
    private final String issuer;
    private final Optional<Duration> lifetime;
    private final Clock clock;

    /**
     * @param secret the HMAC secret; at least 32 bytes in UTF-8
     * @param lifetime when present, tokens carry {@code exp} this long after {@code iat}
     * @throws IllegalArgumentException when the secret is too short to be safe
     */
    public Tokens(String secret, String issuer, Optional<Duration> lifetime, Clock clock) {
        byte[] key = secret.getBytes(StandardCharsets.UTF_8);
        if (key.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("JWT secret must be at least " + MIN_SECRET_BYTES + " bytes");
        }
        this.algorithm = Algorithm.HMAC256(key);
        this.issuer = issuer;
        this.lifetime = lifetime;
        this.clock = clock;
        // iat is whole seconds from whichever Lambda instance issued the token; another instance's
        // clock may run a little behind, and a token must not be refused for that.
        this.verifier = ((JWTVerifier.BaseVerification) JWT.require(algorithm)
                .withIssuer(issuer)
                .acceptIssuedAt(ISSUED_AT_LEEWAY_SECONDS)).build(clock);
    }

    /** A token for the user: {@code sub} is the id as a string, plus {@code username}, {@code iat}, {@code iss}. */
    public String issue(long userId, String username) {
        Instant now = clock.instant();
        var token = JWT.create()
                .withSubject(Long.toString(userId))
                .withClaim("username", username)
                .withIssuer(issuer)
                .withIssuedAt(now);
        lifetime.ifPresent(ttl -> token.withExpiresAt(now.plus(ttl)));
        return token.sign(algorithm);
    }

    /**
     * The user id a valid token names; empty when the token is malformed, signed with another
     * key or algorithm, from another issuer, expired or not yet valid, or has no numeric {@code sub}.
     */
    public OptionalLong verify(String token) {
        DecodedJWT jwt;
        try {
            jwt = verifier.verify(token);
        } catch (JWTVerificationException | IllegalArgumentException invalid) {
            return OptionalLong.empty();
        }
        return UserIds.parse(jwt.getSubject());
    }
}
