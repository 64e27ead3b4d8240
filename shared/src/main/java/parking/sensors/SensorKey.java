package parking.sensors;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A slot's sensor key: {@code psk_} and 43 base64url characters, 256 random bits. The API keeps
 * only {@link #hash()}, and shows the key once, in the answer that issues it.
 *
 * <p>Why SHA-256 and not bcrypt: a slow, salted hash protects secrets people choose, which an
 * attacker can guess among a few billions. A key of 256 random bits cannot be guessed, so a
 * single fast hash is as safe against someone holding the table (finding a key from its hash is
 * a 2^256 search) and lets the report's write compare it inside DynamoDB's condition, with no
 * read and no CPU-bound check per report (NIST SP 800-63B 5.1.1.2 asks for a slow hash of
 * memorized secrets only; docs/SECURITY.md).
 */
public final class SensorKey {

    private static final String PREFIX = "psk_";
    private static final int RANDOM_BYTES = 32;
    /** 32 bytes in base64url without padding: 43 characters. */
    private static final Pattern SHAPE = Pattern.compile("psk_[A-Za-z0-9_-]{43}");
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final String value;

    private SensorKey(String value) {
        this.value = value;
    }

    /**
     * A new key: 256 bits from one SecureRandom, built here for each key rather than once per
     * JVM, so that no generator state is taken into a SnapStart snapshot and shared by every
     * environment resumed from it (AWS Lambda Developer Guide, "Handling uniqueness with Lambda
     * SnapStart"). Keys are issued rarely; building one costs microseconds.
     */
    public static SensorKey random() {
        byte[] bits = new byte[RANDOM_BYTES];
        new SecureRandom().nextBytes(bits);
        return new SensorKey(PREFIX + BASE64URL.encodeToString(bits));
    }

    /** The key in an {@code Authorization} value, if it has a key's shape; nothing else is checked. */
    public static Optional<SensorKey> parse(String raw) {
        return SHAPE.matcher(raw).matches() ? Optional.of(new SensorKey(raw)) : Optional.empty();
    }

    /** The key itself, for the one answer that shows it. */
    public String reveal() {
        return value;
    }

    /** SHA-256 of the key, base64url without padding: what the slot item stores and the report's condition compares. */
    public String hash() {
        try {
            return BASE64URL.encodeToString(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException everyJavaPlatformHasIt) {
            throw new IllegalStateException(everyJavaPlatformHasIt);
        }
    }

    /** Never the key: a key that reaches a log line or an exception message by mistake stays secret. */
    @Override
    public String toString() {
        return "SensorKey[hidden]";
    }
}
