package parking.limits;

import java.time.Duration;
import java.time.Instant;

/**
 * One counter as stored: how many events its window holds and when the window ends. A window is
 * open while the clock is before its end; a closed one counts for nothing, whether or not
 * DynamoDB's TTL has deleted its item yet (TTL deletes some time after expiry, often days:
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/howitworks-ttl.html).
 */
record Counter(long count, Instant windowEnd) {

    boolean isOpenAt(Instant now) {
        return now.isBefore(windowEnd);
    }

    /** Whether this counter has reached {@code threshold} in a window still open at {@code now}. */
    boolean refusesAt(Instant now, long threshold) {
        return isOpenAt(now) && count >= threshold;
    }

    /** Whole seconds from {@code now} until the window ends, rounded up: a client that waits that long is let through. */
    long secondsUntilEnd(Instant now) {
        Duration left = Duration.between(now, windowEnd);
        return left.toSeconds() + (left.toNanosPart() > 0 ? 1 : 0);
    }
}
