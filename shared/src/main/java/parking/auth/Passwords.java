package parking.auth;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;
import java.nio.charset.StandardCharsets;

/**
 * bcrypt hashing. Passwords reach this class already validated (8-72 bytes, no NUL), so nothing
 * is ever truncated: the strict strategy would refuse what bcrypt cannot hash in full. Not final,
 * so that a test can stand in a double that fails when bcrypt is reached (a refused login must
 * never get that far).
 */
public class Passwords {

    public static final int DEFAULT_COST = 12;

    /**
     * A well-formed hash nobody's password matches, so an unknown user costs one full bcrypt
     * verification, like a known one. Only its cost field matters; it needs no hashing to build.
     */
    private final byte[] decoy;
    private final int cost;
    private final BCrypt.Hasher hasher;
    private final BCrypt.Verifyer verifier;

    /**
     * @param cost bcrypt's log2 work factor, 4-31
     * @throws IllegalArgumentException for a cost bcrypt does not support
     */
    public Passwords(int cost) {
        if (cost < 4 || cost > 31) {
            throw new IllegalArgumentException("bcrypt cost must be between 4 and 31");
        }
        this.cost = cost;
        this.hasher = BCrypt.with(BCrypt.Version.VERSION_2A, LongPasswordStrategies.strict(BCrypt.Version.VERSION_2A));
        this.verifier = BCrypt.verifyer(BCrypt.Version.VERSION_2A, LongPasswordStrategies.strict(BCrypt.Version.VERSION_2A));
        this.decoy = decoy(cost).getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * The decoy for {@code cost}. It must stay a hash bcrypt can read: the verifier answers an
     * unreadable one at once, which would make an unknown user cheaper to try than a known one.
     */
    static String decoy(int cost) {
        return String.format("$2a$%02d$%s", cost, "C6UzMDM.H6dfI/f/IKxGhu3CL4c3ML3UMRZahVsmGCCWrrSH/oTLi");
    }

    public String hash(String password) {
        return new String(hasher.hash(cost, password.getBytes(StandardCharsets.UTF_8)), StandardCharsets.US_ASCII);
    }

    /** Whether the password matches the hash; any other hash format simply does not match. */
    public boolean matches(String password, String hash) {
        return verify(password, hash.getBytes(StandardCharsets.US_ASCII));
    }

    /** Spends one verification's time on a hash that cannot match, then returns false. */
    public boolean matchesNothing(String password) {
        verify(password, decoy);
        return false;
    }

    private boolean verify(String password, byte[] hash) {
        try {
            return verifier.verify(password.getBytes(StandardCharsets.UTF_8), hash).verified;
        } catch (IllegalArgumentException unreadableHash) {
            return false;
        }
    }
}
