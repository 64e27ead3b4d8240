package parking.slots;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.function.Supplier;
import parking.errors.ApiException;
import parking.paging.Page;
import parking.paging.PageRequest;
import parking.metrics.BusinessEvent;
import parking.metrics.BusinessMetrics;

/**
 * Slots and their reservations. Who may do what is decided inside each single conditional
 * write (see {@link SlotRepository}); only when a write is refused does the service read the
 * slot, to tell the client why, in the contract's order: 404, then 403, then 409.
 */
public final class SlotService {

    private final SlotRepository slots;
    private final Clock clock;
    private final Supplier<Duration> silence;
    private final BusinessMetrics metrics;

    /**
     * @param silence the sensor silence window, asked for only when a slot is shown: routes
     *     that show none (delete, release) are not given one
     */
    public SlotService(SlotRepository slots, Clock clock, Supplier<Duration> silence, BusinessMetrics metrics) {
        this.slots = slots;
        this.clock = clock;
        this.silence = silence;
        this.metrics = metrics;
    }

    /** The 404 of every route addressing a slot that does not exist. */
    public static ApiException slotNotFound() {
        return ApiException.notFound("slot not found");
    }

    /** Creates a slot owned by {@code ownerId}. */
    public Slot create(long ownerId, NewSlot slot) {
        return slots.create(ownerId, slot, moment());
    }

    /** SnapStart priming of slot creation: a write DynamoDB refuses, as creating writes and may not read. */
    public void primeCreation() {
        slots.probeWrite();
    }

    /**
     * @throws ApiException 404 {@code slot not found}
     */
    public Slot get(long id) {
        return slots.find(id, moment()).orElseThrow(SlotService::slotNotFound);
    }

    /** A page of the slots in id order. */
    public Page<Slot> list(SlotFilter filter, PageRequest page) {
        return slots.list(filter, page, moment());
    }

    /** A page of the slots within {@code filter.near()}, by distance then id. */
    public Page<NearbySlot> nearby(SlotFilter filter, PageRequest page) {
        return slots.nearby(filter, page, moment());
    }

    /**
     * Changes only the given fields; {@code occupied=true} ends an active reservation.
     *
     * @throws ApiException 404 {@code slot not found}, 403 {@code forbidden} for anyone but the owner
     */
    public Slot update(long id, long callerId, SlotChanges changes) {
        Slot updated = slots.update(id, callerId, changes, moment()).orElseThrow(() -> ownerOnly(id, callerId));
        if (changes.occupied().orElse(false)) {
            metrics.count(BusinessEvent.SLOT_OCCUPIED);
        }
        return updated;
    }

    /**
     * @throws ApiException 404 {@code slot not found}, 403 {@code forbidden} for anyone but the owner
     */
    public void delete(long id, long callerId) {
        if (!slots.delete(id, callerId)) {
            throw ownerOnly(id, callerId);
        }
    }

    /**
     * Reserves the slot for {@code minutes} from now; the holder of an active reservation may
     * extend (or shorten) it the same way.
     *
     * @throws ApiException 404 {@code slot not found}, 409 {@code slot unavailable} when the slot
     *     is occupied or actively reserved by someone else
     */
    public Slot reserve(long id, long callerId, int minutes) {
        Moment at = moment();
        Instant until = at.now().plus(Duration.ofMinutes(minutes));
        Optional<Slot> reserved = slots.reserve(id, callerId, until, at);
        if (reserved.isPresent()) {
            metrics.count(BusinessEvent.RESERVATION_MADE);
            return reserved.get();
        }
        slots.stored(id).orElseThrow(SlotService::slotNotFound);
        metrics.count(BusinessEvent.RESERVATION_REFUSED);
        throw ApiException.conflict("slot unavailable");
    }

    /**
     * Ends the active reservation; its holder or the slot's owner may.
     *
     * @throws ApiException 404 {@code slot not found}, 404 {@code reservation not found} when no
     *     reservation is active, 403 {@code forbidden} for anyone else
     */
    public void release(long id, long callerId) {
        Instant now = now();
        if (slots.release(id, callerId, now)) {
            return;
        }
        SlotItem slot = slots.stored(id).orElseThrow(SlotService::slotNotFound);
        boolean reserved = slot.reservedAt(now);
        boolean mayEnd = slot.getOwnerId() == callerId || (reserved && slot.getReservedBy() == callerId);
        // Read after the refused write: a reservation seen now that the caller may end did not exist then.
        if (!reserved || mayEnd) {
            throw ApiException.notFound("reservation not found");
        }
        throw ApiException.forbidden();
    }

    /**
     * Why an owner-only write was refused. The slot is read after the refusal, so a slot seen
     * with the caller as owner did not exist yet when the write was tried.
     */
    private ApiException ownerOnly(long id, long callerId) {
        return slots.stored(id)
                .filter(slot -> slot.getOwnerId() != callerId)
                .map(slot -> ApiException.forbidden())
                .orElseGet(SlotService::slotNotFound);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    private Moment moment() {
        return new Moment(now(), silence.get());
    }
}
