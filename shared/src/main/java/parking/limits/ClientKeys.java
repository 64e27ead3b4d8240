package parking.limits;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The counters' keys. The address counter is keyed by the address; the pair counter by the
 * address and a SHA-256 of the lower-cased username (any letter case is one account, as for
 * login), so a counter item, like the refusal's log line, never holds a username in clear.
 * Counter keys start with a word and {@code #}, which keeps the key spaces apart.
 */
final class ClientKeys {

    private ClientKeys() {
    }

    static String address(String sourceIp) {
        return "address#" + sourceIp;
    }

    static String pair(String username, String sourceIp) {
        return "login#" + sourceIp + "#" + usernameHash(username);
    }

    /** 128 bits of SHA-256 of the lower-cased name: enough to keep accounts apart, never the name itself. */
    static String usernameHash(String username) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(username.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
