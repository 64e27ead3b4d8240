package parking.users;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;

/** The contract's requirements on user fields, as parsers for {@link parking.form.FieldCheck}. */
public final class UserRules {

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9_.-]{3,32}");
    private static final int MIN_PASSWORD_BYTES = 8;
    /** bcrypt reads at most 72 bytes; longer passwords are refused rather than truncated. */
    private static final int MAX_PASSWORD_BYTES = 72;

    private UserRules() {
    }

    /** 3-32 characters from {@code A-Z a-z 0-9 _ . -}. */
    public static Optional<String> username(String raw) {
        return USERNAME.matcher(raw).matches() ? Optional.of(raw) : Optional.empty();
    }

    /** 8-72 bytes in UTF-8, no NUL (bcrypt would stop reading there). */
    public static Optional<String> password(String raw) {
        int bytes = raw.getBytes(StandardCharsets.UTF_8).length;
        if (bytes < MIN_PASSWORD_BYTES || bytes > MAX_PASSWORD_BYTES || raw.indexOf('\0') >= 0) {
            return Optional.empty();
        }
        return Optional.of(raw);
    }
}
