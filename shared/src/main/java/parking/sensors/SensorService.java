package parking.sensors;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.function.Supplier;
import parking.errors.ApiException;
import parking.metrics.BusinessEvent;
import parking.metrics.BusinessMetrics;
import parking.slots.Moment;
import parking.slots.Slot;
import parking.slots.SlotService;

/**
 * Sensor keys and the reports made with them (API.md, Sensors). Each action is one conditional
 * write deciding who may do what; only a refused one is explained, from the item DynamoDB
 * returned with the refusal or from one consistent read, in the contract's order.
 */
public final class SensorService {

    private final SensorRepository sensors;
    private final Clock clock;
    private final Supplier<Duration> silence;
    private final BusinessMetrics metrics;

    /** @param silence the sensor silence window, asked for only when a slot is shown (the report's answer) */
    public SensorService(SensorRepository sensors, Clock clock, Supplier<Duration> silence, BusinessMetrics metrics) {
        this.sensors = sensors;
        this.clock = clock;
        this.silence = silence;
        this.metrics = metrics;
    }

    /**
     * Issues a new key for the slot; the previous one stops working at once, and the new
     * sensor's reports start a new order.
     *
     * @return the key, which only this answer ever shows
     * @throws ApiException 404 {@code slot not found}, 403 {@code forbidden} for anyone but the owner
     */
    public IssuedKey issue(long slotId, long callerId) {
        SensorKey key = SensorKey.random();
        if (sensors.issue(slotId, callerId, key, now()) instanceof SensorRepository.Refused refused) {
            // Seen with the caller as owner after the refusal, the slot did not exist when the write was tried.
            throw explain(slotId, refused).ownerId() == callerId ? SlotService.slotNotFound() : ApiException.forbidden();
        }
        return new IssuedKey(slotId, key);
    }

    /**
     * Revokes the slot's key: the slot is no longer watched.
     *
     * @throws ApiException 404 {@code slot not found}, 404 {@code sensor key not found} when none
     *     is issued, 403 {@code forbidden} for anyone but the owner
     */
    public void revoke(long slotId, long callerId) {
        if (sensors.revoke(slotId, callerId, now()) instanceof SensorRepository.Refused refused) {
            SensorRepository.Stored slot = explain(slotId, refused);
            // The contract's order: 404 before 403. Keyed and owned by the caller, the key came after the refusal.
            throw slot.keyed() && slot.ownerId() != callerId ? ApiException.forbidden() : ApiException.notFound("sensor key not found");
        }
    }

    /** A report's {@code observed_at}, checked against this service's clock (see {@link SensorRules#observedAt}). */
    public Optional<Instant> observedAt(String raw) {
        return SensorRules.observedAt(raw, clock.instant());
    }

    /**
     * Applies the report if {@code key} is the slot's current key and {@code observedAt} (the
     * time of receipt when absent) is later than the standing report's; {@code occupied=true}
     * ends an active reservation. A report that is not newer changes nothing.
     *
     * @return the slot as stored after the report, applied or not
     * @throws ApiException 404 {@code slot not found}, 401 {@code invalid sensor key}
     */
    public Slot report(long slotId, SensorKey key, boolean occupied, Optional<Instant> observedAt) {
        Instant received = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Moment at = new Moment(received.truncatedTo(ChronoUnit.SECONDS), silence.get());
        SensorRepository.Written written = sensors.report(slotId, key, occupied, observedAt.orElse(received), at.now());
        if (written instanceof SensorRepository.Applied applied) {
            if (occupied) {
                metrics.count(BusinessEvent.SLOT_OCCUPIED);
            }
            return applied.after().slot(at);
        }
        SensorRepository.Stored stored = explain(slotId, (SensorRepository.Refused) written);
        if (!stored.keyedWith(key)) {
            throw ApiException.invalidSensorKey();
        }
        return stored.slot(at);
    }

    /**
     * The slot as it stood when {@code refused}: the item the engine returned with the refusal,
     * or else one consistent read.
     *
     * @throws ApiException 404 {@code slot not found}
     */
    private SensorRepository.Stored explain(long slotId, SensorRepository.Refused refused) {
        return refused.stored().or(() -> sensors.stored(slotId)).orElseThrow(SlotService::slotNotFound);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }
}
