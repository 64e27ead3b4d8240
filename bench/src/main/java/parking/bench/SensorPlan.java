package parking.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * What one simulated sensor sends, decided before anything is sent: its readings in device time
 * and the order it sends them in, with some held back until newer ones have gone (a gateway's
 * buffer, a retry after a timeout) and some sent twice (a retry whose first attempt got
 * through). From the order alone follows what the API must do with each report when one slot's
 * reports arrive one after another: apply it (newer than every reading sent before), or ignore it
 * as a duplicate (the same reading already stands) or as late (a newer one stands).
 *
 * @param readings the device's readings, oldest first (strictly increasing {@code observedAt})
 * @param sends    indexes into {@code readings}, in the order they are sent
 */
record SensorPlan(List<Reading> readings, List<Integer> sends) {

    /** One reading of the sensor: its time on the device and what it saw. */
    record Reading(Instant observedAt, boolean occupied) {
    }

    /** What the API should do with a report, and what its answer shows it did. */
    enum Outcome { APPLIED, DUPLICATE, LATE }

    /** Readings one second apart (plus up to 999 ms, so the milliseconds vary) from {@code start}. */
    private static final Duration STEP = Duration.ofSeconds(1);
    /** How many newer readings a held-back one waits for, at most. */
    private static final int MAX_HOLD = 3;

    /**
     * A sensor's plan.
     *
     * @param readings   how many readings it takes (at least 1)
     * @param late       the share of readings (the newest excepted) held back until a reading 1 to
     *                   3 newer has been sent, so that each of them arrives late
     * @param duplicates the share of readings sent twice, the copy right after the first or 1 to 2
     *                   sends later
     */
    static SensorPlan make(Random random, Instant start, int readings, double late, double duplicates) {
        List<Reading> taken = new ArrayList<>();
        int[] heldUntil = new int[readings];
        boolean[] twice = new boolean[readings];
        int[] copyGap = new int[readings];
        for (int i = 0; i < readings; i++) {
            taken.add(new Reading(start.plus(STEP.multipliedBy(i)).plusMillis(random.nextInt(1000)), random.nextBoolean()));
            heldUntil[i] = i < readings - 1 && random.nextDouble() < late ? Math.min(readings - 1, i + 1 + random.nextInt(MAX_HOLD)) : i;
            twice[i] = random.nextDouble() < duplicates;
            copyGap[i] = random.nextInt(MAX_HOLD);
        }
        // Sort keys, newest first: a held reading goes right after the newer one it waits for,
        // wherever that one goes (itself held, perhaps), so it always follows a newer reading.
        double[] key = new double[readings];
        for (int i = readings - 1; i >= 0; i--) {
            key[i] = heldUntil[i] == i ? i : key[heldUntil[i]] + (heldUntil[i] - i) * 1e-6;
        }
        record Keyed(double key, int reading) {
        }
        List<Keyed> order = new ArrayList<>();
        for (int i = 0; i < readings; i++) {
            order.add(new Keyed(key[i], i));
            if (twice[i]) {
                order.add(new Keyed(key[i] + copyGap[i] + 0.25, i));
            }
        }
        order.sort(Comparator.comparingDouble(Keyed::key));
        return new SensorPlan(List.copyOf(taken), order.stream().map(Keyed::reading).toList());
    }

    /** The reading that must stand once every report has arrived: the newest. */
    Reading newest() {
        return readings.getLast();
    }

    /** What the API must do with each send, in order, when they arrive in that order. */
    List<Outcome> expected() {
        List<Outcome> outcomes = new ArrayList<>();
        int standing = -1;
        for (int reading : sends) {
            if (reading > standing) {
                outcomes.add(Outcome.APPLIED);
                standing = reading;
            } else {
                outcomes.add(reading == standing ? Outcome.DUPLICATE : Outcome.LATE);
            }
        }
        return outcomes;
    }
}
