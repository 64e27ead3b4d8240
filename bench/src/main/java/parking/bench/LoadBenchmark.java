package parking.bench;

import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import parking.local.api.LocalApi;

/**
 * {@code bench/load}: every route of the API under load through the local API, over loopback
 * HTTP, each function in its own warm JVMs (up to 4 per function, as {@code local/run}): for each
 * route a bounded number of requests (and at most {@link #ROUTE_TIME_LIMIT} of sending), from a
 * few concurrent clients, then the median and 99th percentile latency and the requests per
 * second. Targets that a request uses up (a reservation to end, a slot to delete) are made first,
 * untimed. Options: {@code --requests N} (default 400; a tenth of it for the bcrypt routes),
 * {@code --clients N} (default 4). Every request comes from one address, so the local API runs
 * with the address's abuse limit raised ({@link #RAISED_LIMITS}): this measures what each route
 * costs to serve, the limits' read included; what a refused request costs is
 * {@code bench/abuse-limits}'s figure.
 */
public final class LoadBenchmark {

    private static final Duration ROUTE_TIME_LIMIT = Duration.ofSeconds(60);
    /** More registrations from one address than any run sends; the per-account login limit stays (the load logs in with the right password). */
    private static final List<String> RAISED_LIMITS = List.of("--env", "ADDRESS_ATTEMPT_LIMIT=1000000000");

    private record Route(String name, boolean bcrypt, IntFunction<HttpRequest> request) {
    }

    private final ApiClient api;

    private LoadBenchmark(URI base) {
        this.api = new ApiClient(base);
    }

    public static void main(String[] args) throws Exception {
        int requests = 400;
        int clients = 4;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--requests" -> requests = Integer.parseInt(args[++i]);
                case "--clients" -> clients = Integer.parseInt(args[++i]);
                default -> {
                    System.err.println("unknown option " + args[i]);
                    System.exit(2);
                }
            }
        }
        List<String> options = new ArrayList<>(List.of("--port", "0", "--in-memory"));
        options.addAll(RAISED_LIMITS);
        try (LocalApi api = LocalApi.start(options, new PrintStream(OutputStream.nullOutputStream()))) {
            new LoadBenchmark(api.url()).run(requests, clients);
        }
    }

    private void run(int requests, int clients) throws Exception {
        String password = "load-test-password";
        ApiClient.expect(201, api.send(api.request("POST", "/users", null, "username", "loader", "password", password)));
        String token = api.send(api.request("POST", "/users/login", null, "username", "loader", "password", password)).body();
        long slot = createSlot(token);
        int bcryptRequests = Math.max(clients, requests / 10);
        List<Long> reserved = new ArrayList<>();
        List<Long> deletable = new ArrayList<>();
        // Enough for the route's requests and its two untimed warm-up rounds.
        for (int i = 0; i < requests + 2 * clients; i++) {
            long id = createSlot(token);
            ApiClient.expect(201, api.send(api.request("POST", "/slots/" + id + "/reservation", token, "minutes", "30")));
            reserved.add(id);
            deletable.add(createSlot(token));
        }
        AtomicInteger users = new AtomicInteger();
        AtomicInteger releases = new AtomicInteger();
        AtomicInteger deletions = new AtomicInteger();
        List<Route> routes = List.of(
                new Route("POST /users", true, n -> api.request("POST", "/users", null, "username", "user" + users.incrementAndGet(), "password", password)),
                new Route("POST /users/login", true, n -> api.request("POST", "/users/login", null, "username", "loader", "password", password)),
                new Route("GET /users", false, n -> api.request("GET", "/users?limit=10", token)),
                new Route("GET /users/{user_id}", false, n -> api.request("GET", "/users/1", token)),
                new Route("POST /slots", false, n -> api.request("POST", "/slots", token, "name", "S-" + n, "latitude", "45.07", "longitude", "7.68")),
                new Route("GET /slots", false, n -> api.request("GET", "/slots?available=true&limit=50", token)),
                new Route("GET /slots/{slot_id}", false, n -> api.request("GET", "/slots/" + slot, token)),
                new Route("PATCH /slots/{slot_id}", false, n -> api.request("PATCH", "/slots/" + slot, token, "name", "P-" + n)),
                new Route("POST /slots/{slot_id}/reservation", false, n -> api.request("POST", "/slots/" + slot + "/reservation", token, "minutes", "30")),
                new Route("DELETE /slots/{slot_id}/reservation", false, n -> api.request("DELETE", "/slots/" + reserved.get(releases.getAndIncrement()) + "/reservation", token)),
                new Route("DELETE /slots/{slot_id}", false, n -> api.request("DELETE", "/slots/" + deletable.get(deletions.getAndIncrement()), token)));

        System.out.printf(Locale.ROOT, "Load through the local API (loopback HTTP, warm JVMs, up to 4 per function, dynalite in memory):"
                + " %d requests a route (bcrypt routes %d), %d concurrent clients, at most %d s a route; this machine's cores, not"
                + " Lambda's CPU shares; one client address, its abuse limit raised.%n%n", requests, bcryptRequests, clients, ROUTE_TIME_LIMIT.toSeconds());
        System.out.println("| Route | requests | p50 ms | p99 ms | requests/s | answers |");
        System.out.println("| --- | ---: | ---: | ---: | ---: | --- |");
        for (Route route : routes) {
            int count = route.bcrypt() ? bcryptRequests : requests;
            // One untimed round first: every JVM of the function started and warm.
            measure(route, clients, clients);
            measure(route, Math.min(count, clients), clients);
            print(route, measure(route, count, clients));
        }
    }

    private record Result(List<Long> nanos, long elapsedNanos, Map<Integer, Integer> statuses) {
    }

    private Result measure(Route route, int count, int clients) throws Exception {
        List<Long> nanos = Collections.synchronizedList(new ArrayList<>());
        Map<Integer, Integer> statuses = Collections.synchronizedMap(new TreeMap<>());
        AtomicInteger next = new AtomicInteger();
        long deadline = System.nanoTime() + ROUTE_TIME_LIMIT.toNanos();
        long started = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                running.add(pool.submit(() -> {
                    int n;
                    while ((n = next.getAndIncrement()) < count && System.nanoTime() < deadline) {
                        HttpRequest request = route.request().apply(n);
                        long start = System.nanoTime();
                        HttpResponse<String> response = api.send(request);
                        nanos.add(System.nanoTime() - start);
                        statuses.merge(response.statusCode(), 1, Integer::sum);
                    }
                    return null;
                }));
            }
            for (Future<?> client : running) {
                client.get();
            }
        }
        return new Result(nanos, System.nanoTime() - started, statuses);
    }

    private static void print(Route route, Result result) {
        List<Long> sorted = result.nanos().stream().sorted().toList();
        System.out.printf(Locale.ROOT, "| `%s`%s | %d | %.1f | %.1f | %.0f | %s |%n", route.name(), route.bcrypt() ? " (bcrypt)" : "", sorted.size(),
                sorted.get(sorted.size() / 2) / 1e6, sorted.get((int) Math.ceil(sorted.size() * 0.99) - 1) / 1e6,
                sorted.size() / (result.elapsedNanos() / 1e9), result.statuses());
    }

    private long createSlot(String token) {
        HttpResponse<String> created = ApiClient.expect(201, api.send(api.request("POST", "/slots", token, "name", "L", "latitude", "45.07", "longitude", "7.68")));
        String location = created.headers().firstValue("location").orElseThrow();
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }
}
