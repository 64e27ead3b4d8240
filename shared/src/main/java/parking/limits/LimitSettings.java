package parking.limits;

import java.time.Duration;
import java.util.Map;

/**
 * The two abuse limits of the contract, each a threshold of events counted in a window that opens
 * at the first event counted. Set per deployment through template parameters, which reach the
 * functions as the variables named here; an unset variable takes the contract's default.
 *
 * @param loginFailures failed logins per username (any case) and source address: 10 in 15 minutes
 * @param addressAttempts failed logins plus accounts created per source address: 100 in an hour
 */
public record LimitSettings(Limit loginFailures, Limit addressAttempts) {

    /** {@code threshold} events counted within {@code window} of the first refuse the next ones until the window ends. */
    public record Limit(long threshold, Duration window) {
        public Limit {
            if (threshold < 1 || window.isNegative() || window.isZero()) {
                throw new IllegalArgumentException("a limit needs a positive threshold and window");
            }
        }
    }

    public static final String LOGIN_FAILURE_LIMIT_VARIABLE = "LOGIN_FAILURE_LIMIT";
    public static final String LOGIN_FAILURE_WINDOW_VARIABLE = "LOGIN_FAILURE_WINDOW_MINUTES";
    public static final String ADDRESS_ATTEMPT_LIMIT_VARIABLE = "ADDRESS_ATTEMPT_LIMIT";
    public static final String ADDRESS_WINDOW_VARIABLE = "ADDRESS_WINDOW_MINUTES";

    /** The contract's defaults. */
    public static final LimitSettings DEFAULTS = new LimitSettings(
            new Limit(10, Duration.ofMinutes(15)), new Limit(100, Duration.ofHours(1)));

    /**
     * @throws IllegalStateException when a variable is set but is not a positive whole number
     */
    public static LimitSettings from(Map<String, String> env) {
        return new LimitSettings(
                new Limit(positive(env, LOGIN_FAILURE_LIMIT_VARIABLE, DEFAULTS.loginFailures().threshold()),
                        Duration.ofMinutes(positive(env, LOGIN_FAILURE_WINDOW_VARIABLE, DEFAULTS.loginFailures().window().toMinutes()))),
                new Limit(positive(env, ADDRESS_ATTEMPT_LIMIT_VARIABLE, DEFAULTS.addressAttempts().threshold()),
                        Duration.ofMinutes(positive(env, ADDRESS_WINDOW_VARIABLE, DEFAULTS.addressAttempts().window().toMinutes()))));
    }

    private static long positive(Map<String, String> env, String name, long fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            long parsed = Long.parseLong(value.strip());
            if (parsed >= 1) {
                return parsed;
            }
        } catch (NumberFormatException notANumber) {
            // Reported below with the variable's name.
        }
        throw new IllegalStateException("environment variable " + name + " must be a positive whole number");
    }
}
