package parking.limits;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import parking.errors.ApiException;
import parking.json.JsonWriter;
import parking.metrics.BusinessEvent;
import parking.metrics.BusinessMetrics;

/**
 * The contract's abuse limits on the two bcrypt routes, per client address as API Gateway saw the
 * connection. A request is admitted or refused on one read of the counters it needs, before any
 * bcrypt work: a refused request costs that read and nothing else (no bcrypt, no write). What an
 * admitted request then does is counted through the attempt it gets back.
 *
 * <p>Each refusal is counted as the {@link BusinessEvent#ABUSE_LIMIT_REFUSED} metric and logged as
 * one JSON line naming the limit, the address and, for a login, a hash of the username, never the
 * name itself.
 */
public final class AbuseLimits {

    /** An address no client has ({@code #} is in no IP address): priming reads its counters. */
    private static final String PRIMING_ADDRESS = "#priming";
    private static final String PRIMING_USERNAME = "#priming";

    private final CounterRepository counters;
    private final LimitSettings settings;
    private final Clock clock;
    private final BusinessMetrics metrics;

    public AbuseLimits(CounterRepository counters, LimitSettings settings, Clock clock, BusinessMetrics metrics) {
        this.counters = counters;
        this.settings = settings;
        this.clock = clock;
        this.metrics = metrics;
    }

    /**
     * Admits a login for {@code username} from {@code sourceIp}, or refuses it: after
     * {@link LimitSettings#loginFailures()} failures of that username (any case) from that
     * address, or {@link LimitSettings#addressAttempts()} failures and creations from that
     * address, until the window that refuses ends.
     *
     * @throws ApiException 429 {@code too many requests} with {@code Retry-After}
     */
    public LoginAttempt admitLogin(String username, String sourceIp) {
        String pairKey = ClientKeys.pair(username, sourceIp);
        String addressKey = ClientKeys.address(sourceIp);
        Map<String, Counter> seen = counters.read(List.of(pairKey, addressKey));
        Optional<Counter> pair = Optional.ofNullable(seen.get(pairKey));
        Optional<Counter> address = Optional.ofNullable(seen.get(addressKey));
        Instant now = clock.instant();
        refuseIfReached(now, "login", sourceIp, Optional.of(ClientKeys.usernameHash(username)),
                pair.filter(counter -> counter.refusesAt(now, settings.loginFailures().threshold())),
                address.filter(counter -> counter.refusesAt(now, settings.addressAttempts().threshold())));
        return new LoginAttempt(this, pairKey, pair, addressKey, address);
    }

    /**
     * Admits a registration from {@code sourceIp}, or refuses it once the address has reached
     * {@link LimitSettings#addressAttempts()}, until that window ends.
     *
     * @throws ApiException 429 {@code too many requests} with {@code Retry-After}
     */
    public RegistrationAttempt admitRegistration(String sourceIp) {
        String addressKey = ClientKeys.address(sourceIp);
        Optional<Counter> address = Optional.ofNullable(counters.read(List.of(addressKey)).get(addressKey));
        Instant now = clock.instant();
        refuseIfReached(now, "registration", sourceIp, Optional.empty(), Optional.empty(),
                address.filter(counter -> counter.refusesAt(now, settings.addressAttempts().threshold())));
        return new RegistrationAttempt(this, addressKey, address);
    }

    /** SnapStart priming of login: its read, of counters no client has. Writes nothing, counts nothing. */
    public void primeLogin() {
        counters.read(List.of(ClientKeys.pair(PRIMING_USERNAME, PRIMING_ADDRESS), ClientKeys.address(PRIMING_ADDRESS)));
    }

    /** SnapStart priming of registration: its read, of a counter no client has. */
    public void primeRegistration() {
        counters.read(List.of(ClientKeys.address(PRIMING_ADDRESS)));
    }

    void countLoginFailure(String pairKey, Optional<Counter> pair, String addressKey, Optional<Counter> address) {
        Instant now = clock.instant();
        counters.count(pairKey, now, settings.loginFailures().window(), pair);
        counters.count(addressKey, now, settings.addressAttempts().window(), address);
    }

    /** Only a pair that has failures in an open window has anything to clear: otherwise no write. */
    void clearLoginFailures(String pairKey, Optional<Counter> pair) {
        if (pair.isPresent() && pair.get().isOpenAt(clock.instant())) {
            counters.clear(pairKey);
        }
    }

    void countCreation(String addressKey, Optional<Counter> address) {
        counters.count(addressKey, clock.instant(), settings.addressAttempts().window(), address);
    }

    /**
     * Refuses when either counter has reached its limit, with the later of their window ends: the
     * request is let through only when no limit refuses it any more.
     */
    private void refuseIfReached(Instant now, String route, String sourceIp, Optional<String> usernameHash,
            Optional<Counter> pairReached, Optional<Counter> addressReached) {
        if (pairReached.isEmpty() && addressReached.isEmpty()) {
            return;
        }
        long retryAfter = Math.max(pairReached.map(c -> c.secondsUntilEnd(now)).orElse(0L),
                addressReached.map(c -> c.secondsUntilEnd(now)).orElse(0L));
        String limit = Stream.of(pairReached.map(c -> "login_failures"), addressReached.map(c -> "address"))
                .flatMap(Optional::stream).collect(Collectors.joining(","));
        metrics.count(BusinessEvent.ABUSE_LIMIT_REFUSED);
        System.out.println(JsonWriter.object(route, (json, r) -> {
            json.writeStringField("level", "WARN");
            json.writeStringField("event", "abuse_limit_refused");
            json.writeStringField("route", r);
            json.writeStringField("limit", limit);
            json.writeStringField("source_ip", sourceIp);
            if (usernameHash.isPresent()) {
                json.writeStringField("username_sha256", usernameHash.get());
            }
            json.writeNumberField("retry_after_s", retryAfter);
        }));
        throw ApiException.tooManyRequests(retryAfter);
    }
}
