package parking.limits;

import java.util.Optional;

/**
 * A login the limits admitted: its outcome is counted here. The counters as the admission read
 * them travel with it, so that counting needs no second read.
 */
public final class LoginAttempt {

    private final AbuseLimits limits;
    private final String pairKey;
    private final Optional<Counter> pair;
    private final String addressKey;
    private final Optional<Counter> address;

    LoginAttempt(AbuseLimits limits, String pairKey, Optional<Counter> pair, String addressKey, Optional<Counter> address) {
        this.limits = limits;
        this.pairKey = pairKey;
        this.pair = pair;
        this.addressKey = addressKey;
        this.address = address;
    }

    /** {@code 401 bad credentials}: one more failure for the username and address, and one for the address. */
    public void failed() {
        limits.countLoginFailure(pairKey, pair, addressKey, address);
    }

    /** The right password: the username's failures from this address are forgiven. */
    public void succeeded() {
        limits.clearLoginFailures(pairKey, pair);
    }
}
