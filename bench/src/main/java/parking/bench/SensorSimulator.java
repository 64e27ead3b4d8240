package parking.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import parking.bench.SensorPlan.Outcome;
import parking.bench.SensorPlan.Reading;

/**
 * {@code bench/sensors}: a fleet of simulated parking sensors against a running API. It registers
 * one user, creates N slots, issues each a sensor key ({@code POST /slots/{id}/sensor-key}), then
 * has every sensor send its readings ({@code PUT /slots/{id}/occupancy} with the key and an
 * {@code observed_at}) with some held back until newer ones have gone and some sent twice
 * ({@link SensorPlan}). Sensors report at the same time, up to {@code --concurrency} requests in
 * flight. By default one sensor's reports go one after another in its planned order, so what the
 * API must do with each is known beforehand ("planned") and compared with what its answers show:
 * applied when the answer's {@code sensor.observed_at} is the report's (the first time), ignored
 * as a duplicate when it is the report's again, ignored as late when it is newer. With
 * {@code --overlap} one sensor's reports race each other (the plan's counts then hold only for
 * the order of sending). At the end every slot is read back and must hold its newest reading
 * ({@code occupied} and {@code sensor.observed_at}), whatever the order of arrival; then the slots
 * are deleted.
 *
 * <p>Options: {@code --api URL} (default http://127.0.0.1:3000), {@code --slots N} (50),
 * {@code --reports N} readings per slot (20), {@code --concurrency N} (8), {@code --late P} share
 * of readings held back (0.2), {@code --duplicates P} share sent twice (0.1), {@code --seed N}
 * (random; printed, to repeat a run), {@code --overlap}, {@code --keep} (leave the slots). Exits 1
 * when a report failed or a slot ends wrong.
 */
public final class SensorSimulator {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter DEVICE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    /** How far before the run's start the first readings lie: all of them in the past, none "ahead of the API's clock". */
    private static final Duration HISTORY_MARGIN = Duration.ofMinutes(1);

    record Options(URI api, int slots, int reports, int concurrency, double late, double duplicates, long seed, boolean overlap,
                   boolean keep) {

        static Options parse(String[] args) {
            URI api = URI.create("http://127.0.0.1:3000");
            int slots = 50;
            int reports = 20;
            int concurrency = 8;
            double late = 0.2;
            double duplicates = 0.1;
            long seed = new SecureRandom().nextLong();
            boolean overlap = false;
            boolean keep = false;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--api" -> api = URI.create(value(args, ++i));
                    case "--slots" -> slots = positive(args, ++i);
                    case "--reports" -> reports = positive(args, ++i);
                    case "--concurrency" -> concurrency = positive(args, ++i);
                    case "--late" -> late = share(args, ++i);
                    case "--duplicates" -> duplicates = share(args, ++i);
                    case "--seed" -> seed = Long.parseLong(value(args, ++i));
                    case "--overlap" -> overlap = true;
                    case "--keep" -> keep = true;
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            return new Options(api, slots, reports, concurrency, late, duplicates, seed, overlap, keep);
        }

        private static String value(String[] args, int i) {
            if (i >= args.length) {
                throw new IllegalArgumentException(args[i - 1] + " needs a value");
            }
            return args[i];
        }

        private static int positive(String[] args, int i) {
            int n = Integer.parseInt(value(args, i));
            if (n < 1) {
                throw new IllegalArgumentException(args[i - 1] + " must be at least 1");
            }
            return n;
        }

        private static double share(String[] args, int i) {
            double p = Double.parseDouble(value(args, i));
            if (!(p >= 0 && p <= 1)) {
                throw new IllegalArgumentException(args[i - 1] + " must be between 0 and 1");
            }
            return p;
        }
    }

    /** One slot, its key and its sensor's plan; {@code turn} is the next of its sends to go. */
    private static final class Sensor {
        final long slot;
        final String key;
        final SensorPlan plan;
        final Set<Integer> applied = ConcurrentHashMap.newKeySet();
        int turn;

        Sensor(long slot, String key, SensorPlan plan) {
            this.slot = slot;
            this.key = key;
            this.plan = plan;
        }
    }

    private final Options options;
    private final ApiClient api;
    private final Map<Outcome, AtomicInteger> measured = new EnumMap<>(Outcome.class);
    private final Map<Outcome, AtomicInteger> expected = new EnumMap<>(Outcome.class);
    private final AtomicInteger sent = new AtomicInteger();
    private final Map<String, Integer> errors = Collections.synchronizedMap(new TreeMap<>());
    private final List<Long> nanos = Collections.synchronizedList(new ArrayList<>());

    private SensorSimulator(Options options) {
        this.options = options;
        this.api = new ApiClient(options.api());
        for (Outcome outcome : Outcome.values()) {
            measured.put(outcome, new AtomicInteger());
            expected.put(outcome, new AtomicInteger());
        }
    }

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("bench/sensors: " + e.getMessage());
            System.exit(2);
            return;
        }
        try {
            System.exit(new SensorSimulator(options).run() ? 0 : 1);
        } catch (ExecutionException e) {
            // A setup step failed (the API not running, or without the sensor routes): its message says which.
            System.err.println("bench/sensors: " + e.getCause().getMessage());
            System.exit(1);
        } catch (IllegalStateException e) {
            System.err.println("bench/sensors: " + e.getMessage());
            System.exit(1);
        }
    }

    private boolean run() throws Exception {
        System.out.printf(Locale.ROOT, "Sensors against %s: %d slots, %d readings each, %d requests at a time, %.0f%% held back, %.0f%% sent twice,"
                + " %s, seed %d%n", options.api(), options.slots(), options.reports(), options.concurrency(), options.late() * 100,
                options.duplicates() * 100, options.overlap() ? "one slot's reports racing each other" : "one slot's reports in order",
                options.seed());
        String token = owner();
        Random random = new Random(options.seed());
        // Whole seconds: the readings then have exactly the milliseconds observed_at carries.
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(HISTORY_MARGIN).minusSeconds(options.reports());
        List<SensorPlan> plans = new ArrayList<>();
        for (int i = 0; i < options.slots(); i++) {
            plans.add(SensorPlan.make(random, start, options.reports(), options.late(), options.duplicates()));
        }
        List<Long> slots = inParallel(options.slots(), i -> createSlot(token, i));
        List<String> keys = inParallel(options.slots(), i -> issueKey(token, slots.get(i)));
        List<Sensor> sensors = new ArrayList<>();
        for (int i = 0; i < options.slots(); i++) {
            sensors.add(new Sensor(slots.get(i), keys.get(i), plans.get(i)));
            plans.get(i).expected().forEach(outcome -> expected.get(outcome).incrementAndGet());
        }

        long began = System.nanoTime();
        report(sensors);
        double seconds = (System.nanoTime() - began) / 1e9;
        List<String> wrong = inParallel(sensors.size(), i -> finalStateProblem(token, sensors.get(i))).stream().flatMap(Optional::stream).toList();
        print(seconds, wrong);
        if (!options.keep()) {
            long left = inParallel(sensors.size(), i -> api.sendPatiently(api.request("DELETE", "/slots/" + sensors.get(i).slot, token)).statusCode())
                    .stream().filter(status -> status != 200).count();
            System.out.println(left == 0 ? "The slots are deleted." : left + " slots could not be deleted.");
        }
        return wrong.isEmpty() && errors.isEmpty();
    }

    /** Registers the fleet's owner under a fresh name and logs in once; returns the token. */
    private String owner() {
        byte[] random = new byte[12];
        new SecureRandom().nextBytes(random);
        String hex = HexFormat.of().formatHex(random);
        String username = "sensors-" + hex.substring(0, 8);
        String password = hex;
        ApiClient.expect(201, api.sendPatiently(api.request("POST", "/users", null, "username", username, "password", password)));
        return ApiClient.expect(200, api.sendPatiently(api.request("POST", "/users/login", null, "username", username, "password", password))).body();
    }

    private long createSlot(String token, int i) {
        // Spread over about 1 km around Turin's centre, as a street's sensors would be.
        String latitude = String.format(Locale.ROOT, "%.6f", 45.0703 + (i % 100) * 0.0001);
        String longitude = String.format(Locale.ROOT, "%.6f", 7.6869 + (i / 100) * 0.0001);
        HttpResponse<String> created = ApiClient.expect(201, api.sendPatiently(api.request("POST", "/slots", token,
                "name", String.format(Locale.ROOT, "S-%05d", i + 1), "latitude", latitude, "longitude", longitude)));
        String location = created.headers().firstValue("location").orElseThrow();
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    private String issueKey(String token, long slot) {
        return json(ApiClient.expect(201, api.sendPatiently(api.request("POST", "/slots/" + slot + "/sensor-key", token)))).path("sensor_key").asText();
    }

    /**
     * Every planned report, at most {@code --concurrency} in flight. By default the sends are
     * taken round by round (every sensor's first, then every sensor's second, ...) and a sensor's
     * send waits for its previous one to be answered, so each sensor keeps its planned order. With
     * {@code --overlap} they are taken sensor by sensor and nothing waits: up to
     * {@code --concurrency} reports of one slot race each other, in the planned order of sending
     * but arriving in any.
     */
    private void report(List<Sensor> sensors) throws Exception {
        List<int[]> queue = new ArrayList<>();
        for (int s = 0; s < sensors.size(); s++) {
            for (int position = 0; position < sensors.get(s).plan.sends().size(); position++) {
                queue.add(new int[] {s, position});
            }
        }
        if (!options.overlap()) {
            queue.sort(Comparator.comparingInt((int[] send) -> send[1]).thenComparingInt(send -> send[0]));
        }
        AtomicInteger next = new AtomicInteger();
        try (ExecutorService pool = Executors.newFixedThreadPool(options.concurrency())) {
            List<Future<?>> workers = new ArrayList<>();
            for (int w = 0; w < options.concurrency(); w++) {
                workers.add(pool.submit(() -> {
                    int n;
                    while ((n = next.getAndIncrement()) < queue.size()) {
                        Sensor sensor = sensors.get(queue.get(n)[0]);
                        int position = queue.get(n)[1];
                        if (options.overlap()) {
                            reportOnce(sensor, sensor.plan.sends().get(position));
                            continue;
                        }
                        awaitTurn(sensor, position);
                        try {
                            reportOnce(sensor, sensor.plan.sends().get(position));
                        } finally {
                            synchronized (sensor) {
                                sensor.turn++;
                                sensor.notifyAll();
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        }
    }

    private static void awaitTurn(Sensor sensor, int position) throws InterruptedException {
        synchronized (sensor) {
            while (sensor.turn != position) {
                sensor.wait();
            }
        }
    }

    /** Sends one report and counts what its answer shows the API did with it. */
    private void reportOnce(Sensor sensor, int index) {
        Reading reading = sensor.plan.readings().get(index);
        String observedAt = DEVICE_TIME.format(reading.observedAt());
        HttpRequest request = api.request("PUT", "/slots/" + sensor.slot + "/occupancy", sensor.key,
                "occupied", Boolean.toString(reading.occupied()), "observed_at", observedAt);
        sent.incrementAndGet();
        long startedAt = System.nanoTime();
        HttpResponse<String> response;
        try {
            response = api.trySend(request);
        } catch (IOException e) {
            error("no answer: " + e.getClass().getSimpleName());
            return;
        }
        nanos.add(System.nanoTime() - startedAt);
        if (response.statusCode() != 200) {
            error(response.statusCode() + " " + response.body());
            return;
        }
        JsonNode slot = json(response);
        Optional<Instant> standing = instant(slot.path("sensor").path("observed_at"));
        if (standing.isEmpty() || standing.get().isBefore(reading.observedAt())) {
            error("200 whose sensor.observed_at (" + slot.path("sensor").path("observed_at") + ") is older than the report's");
        } else if (standing.get().isAfter(reading.observedAt())) {
            measured.get(Outcome.LATE).incrementAndGet();
        } else if (slot.path("occupied").asBoolean() != reading.occupied()) {
            error("200 with the report's observed_at but not its occupied");
        } else {
            measured.get(sensor.applied.add(index) ? Outcome.APPLIED : Outcome.DUPLICATE).incrementAndGet();
        }
    }

    /** Why the slot, read back, does not hold its sensor's newest reading; empty when it does. */
    private Optional<String> finalStateProblem(String token, Sensor sensor) {
        JsonNode slot = json(ApiClient.expect(200, api.sendPatiently(api.request("GET", "/slots/" + sensor.slot, token))));
        Reading newest = sensor.plan.newest();
        Optional<Instant> standing = instant(slot.path("sensor").path("observed_at"));
        if (standing.equals(Optional.of(newest.observedAt())) && slot.path("occupied").asBoolean() == newest.occupied()) {
            return Optional.empty();
        }
        return Optional.of("slot " + sensor.slot + ": occupied " + slot.path("occupied") + ", sensor.observed_at "
                + slot.path("sensor").path("observed_at") + "; newest report sent: occupied " + newest.occupied() + " at "
                + DEVICE_TIME.format(newest.observedAt()));
    }

    private void print(double seconds, List<String> wrong) {
        List<Long> sorted = nanos.stream().sorted().toList();
        int errorCount = errors.values().stream().mapToInt(Integer::intValue).sum();
        System.out.println();
        System.out.println("| | reports | planned (arriving as sent) |");
        System.out.println("| --- | ---: | ---: |");
        System.out.printf(Locale.ROOT, "| sent | %d | %d |%n", sent.get(), expected.values().stream().mapToInt(AtomicInteger::get).sum());
        System.out.printf(Locale.ROOT, "| applied | %d | %d |%n", measured.get(Outcome.APPLIED).get(), expected.get(Outcome.APPLIED).get());
        System.out.printf(Locale.ROOT, "| ignored as late | %d | %d |%n", measured.get(Outcome.LATE).get(), expected.get(Outcome.LATE).get());
        System.out.printf(Locale.ROOT, "| ignored as duplicates | %d | %d |%n", measured.get(Outcome.DUPLICATE).get(), expected.get(Outcome.DUPLICATE).get());
        System.out.printf(Locale.ROOT, "| errors | %d | 0 |%n", errorCount);
        System.out.printf(Locale.ROOT, "| slots whose final state differs from the newest report sent | %d | 0 |%n", wrong.size());
        System.out.println();
        if (!sorted.isEmpty()) {
            System.out.printf(Locale.ROOT, "PUT /slots/{slot_id}/occupancy: %d answered in %.1f s, %.0f reports/s; p50 %.1f ms, p99 %.1f ms%n",
                    sorted.size(), seconds, sorted.size() / seconds, sorted.get(sorted.size() / 2) / 1e6,
                    sorted.get((int) Math.ceil(sorted.size() * 0.99) - 1) / 1e6);
        }
        errors.forEach((error, count) -> System.out.println("error x" + count + ": " + error));
        wrong.stream().limit(10).forEach(problem -> System.out.println("wrong " + problem));
    }

    private void error(String what) {
        errors.merge(what.length() > 200 ? what.substring(0, 200) : what, 1, Integer::sum);
    }

    /** {@code count} tasks, at most {@code --concurrency} at a time; their results in order. */
    private <T> List<T> inParallel(int count, IntFunction<T> task) throws Exception {
        try (ExecutorService pool = Executors.newFixedThreadPool(options.concurrency())) {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                futures.add(pool.submit(() -> task.apply(n)));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        }
    }

    private static Optional<Instant> instant(JsonNode text) {
        if (!text.isTextual()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(text.asText()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(response.request().uri().getPath() + " answered what is not JSON: " + response.body(), e);
        }
    }
}
