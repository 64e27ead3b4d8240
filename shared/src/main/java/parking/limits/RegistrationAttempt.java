package parking.limits;

import java.util.Optional;

/** A registration the limits admitted; an account it creates counts against its address. */
public final class RegistrationAttempt {

    private final AbuseLimits limits;
    private final String addressKey;
    private final Optional<Counter> address;

    RegistrationAttempt(AbuseLimits limits, String addressKey, Optional<Counter> address) {
        this.limits = limits;
        this.addressKey = addressKey;
        this.address = address;
    }

    /** {@code 201}: one more for the address. A conflict creates nothing and counts nothing. */
    public void created() {
        limits.countCreation(addressKey, address);
    }
}
