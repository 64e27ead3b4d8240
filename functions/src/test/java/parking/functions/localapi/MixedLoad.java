package parking.functions.localapi;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import parking.functions.testing.Api;

/**
 * A bounded load through a running local API that mixes every route: each client registers,
 * logs in, then sends its share of a fixed number of requests (every route once, then chosen at
 * random with fixed weights) until the share is sent or the time cap passes. Every answer must be one the
 * contract allows for that request; afterwards the end state is checked against what was
 * acknowledged: every registered user logs in, every slot reads back with the values of its
 * last acknowledged write, deleted slots stay deleted and each owner's list holds exactly its
 * slots. Each client changes only its own slots, so "last acknowledged" is well defined, while
 * reservations, reads and lists cross between clients.
 */
final class MixedLoad {

    /**
     * @param requests requests in all, split evenly between the clients
     * @param timeCap no request starts after this much time
     * @param seed makes each client's choice of requests repeatable
     */
    record Plan(int requests, int clients, Duration timeCap, long seed) {
    }

    /** One request: its route as the template names it, status ({@value #NO_ANSWER} for none) and latency. */
    record Sample(String route, int status, long nanos) {
    }

    static final int NO_ANSWER = -1;

    /** What a run did and found. */
    record Report(Plan plan, Duration elapsed, boolean stoppedByTimeCap, List<Sample> samples, List<String> unexpected,
                  EndState endState) {

        Set<String> routes() {
            return samples.stream().map(Sample::route).collect(Collectors.toCollection(TreeSet::new));
        }

        long serverErrors() {
            return samples.stream().filter(s -> s.status() >= 500).count();
        }

        long unanswered() {
            return samples.stream().filter(s -> s.status() == NO_ANSWER).count();
        }

        /** Answers outside 2xx, by status: the contract's 403/404/409 and anything worse. */
        Map<Integer, Long> errorsByStatus() {
            return samples.stream().filter(s -> s.status() < 200 || s.status() >= 300)
                    .collect(Collectors.groupingBy(Sample::status, TreeMap::new, Collectors.counting()));
        }

        String summary() {
            StringBuilder out = new StringBuilder();
            double seconds = elapsed.toMillis() / 1000.0;
            out.append(String.format("load: %d of %d requests in %.1f s (%.0f requests/s), %d clients, cap %d s: stopped by %s%n",
                    samples.size(), plan.requests(), seconds, samples.size() / seconds, plan.clients(), plan.timeCap().toSeconds(),
                    stoppedByTimeCap ? "the time cap" : "the request count"));
            out.append(String.format("load: %-36s %8s %8s %8s %8s  %s%n", "route", "requests", "p50 ms", "p99 ms", "max ms", "statuses"));
            Map<String, List<Sample>> byRoute = samples.stream().collect(Collectors.groupingBy(Sample::route, TreeMap::new, Collectors.toList()));
            byRoute.forEach((route, list) -> {
                List<Long> nanos = list.stream().map(Sample::nanos).sorted().toList();
                String statuses = list.stream().collect(Collectors.groupingBy(Sample::status, TreeMap::new, Collectors.counting()))
                        .entrySet().stream().map(e -> e.getKey() + ":" + e.getValue()).collect(Collectors.joining(" "));
                out.append(String.format("load: %-36s %8d %8.1f %8.1f %8.1f  %s%n", route, list.size(),
                        percentile(nanos, 50) / 1e6, percentile(nanos, 99) / 1e6, nanos.getLast() / 1e6, statuses));
            });
            out.append(String.format("load: errors by status: %s; 5xx: %d; no answer: %d; answers the contract does not allow: %d%s%n",
                    errorsByStatus().isEmpty() ? "none" : errorsByStatus().entrySet().stream()
                            .map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining(", ")),
                    serverErrors(), unanswered(), unexpected.size(),
                    unexpected.isEmpty() ? "" : " " + unexpected.subList(0, Math.min(5, unexpected.size()))));
            out.append(String.format("load: end state: %d users log in, %d slots read back with their last acknowledged values, "
                            + "%d deleted slots stay deleted, %d owners' lists hold exactly their slots: %s%n",
                    endState.usersLoggedIn(), endState.slotsReadBack(), endState.deletionsHeld(), endState.ownerListsMatched(),
                    endState.missing().isEmpty() ? "nothing lost" : endState.missing().size() + " LOST " + endState.missing()
                            .subList(0, Math.min(5, endState.missing().size()))));
            return out.toString();
        }

        /** Nearest rank. */
        private static long percentile(List<Long> sorted, int percent) {
            return sorted.get(Math.max(0, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1));
        }
    }

    /** The end-state check's findings; {@code missing} lists every acknowledged write not found. */
    record EndState(int usersLoggedIn, int slotsReadBack, int deletionsHeld, int ownerListsMatched, List<String> missing) {
    }

    /** Numbers as written: a coordinate compares exactly, never through a double. */
    private static final ObjectMapper JSON = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    private final Http http;
    private final Plan plan;
    private final List<Sample> samples = Collections.synchronizedList(new ArrayList<>());
    private final List<String> unexpected = Collections.synchronizedList(new ArrayList<>());
    /** Every slot any client created, for the others to read, reserve and release. */
    private final List<Long> slotIds = new CopyOnWriteArrayList<>();
    private final List<Long> userIds = new CopyOnWriteArrayList<>();
    private long deadline;

    private MixedLoad(Http http, Plan plan) {
        this.http = http;
        this.plan = plan;
    }

    static Report run(Http http, Plan plan) {
        return new MixedLoad(http, plan).run();
    }

    private Report run() {
        long start = System.nanoTime();
        deadline = start + plan.timeCap().toNanos();
        List<Client> clients = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < plan.clients(); i++) {
            int share = plan.requests() / plan.clients() + (i < plan.requests() % plan.clients() ? 1 : 0);
            Client client = new Client(new Random(plan.seed() + i), share);
            clients.add(client);
            threads.add(Thread.ofPlatform().name("load-client-" + i).start(client::run));
        }
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the load runs", e);
            }
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        boolean capped = clients.stream().anyMatch(c -> c.sent < c.share);
        return new Report(plan, elapsed, capped, List.copyOf(samples), List.copyOf(unexpected), endState(clients));
    }

    /** The values a slot's owner (or its sensor) last had acknowledged. */
    private record SlotValues(String name, BigDecimal latitude, BigDecimal longitude, boolean occupied) {

        SlotValues withOccupied(boolean now) {
            return new SlotValues(name, latitude, longitude, now);
        }
    }

    private record Credentials(String username, String password) {
    }

    private final class Client {
        private final Random random;
        private final int share;
        private final Map<Long, SlotValues> slots = new LinkedHashMap<>();
        private final Set<Long> deleted = new HashSet<>();
        /** The sensor key of each of this client's slots that has one. */
        private final Map<Long, String> sensorKeys = new HashMap<>();
        private final List<Credentials> users = new ArrayList<>();
        private Credentials self;
        private long userId;
        private String token;
        private int sent;

        Client(Random random, int share) {
            this.random = random;
            this.share = share;
        }

        void run() {
            self = new Credentials(Api.uniqueName("load"), "pw-" + random.nextLong());
            Optional<HttpResponse<String>> created = call("POST /users", Set.of(201),
                    () -> http.postForm("/users", "username", self.username(), "password", self.password()));
            if (created.isEmpty()) {
                return;
            }
            users.add(self);
            userId = Long.parseLong(created.get().headers().firstValue("location").orElseThrow().substring("/users/".length()));
            userIds.add(userId);
            if (!logIn()) {
                return;
            }
            // Every route once, in an order where each finds what it needs, then at random.
            List<Runnable> firstRound = List.of(this::createSlot, this::getSlot, this::listSlots, this::patchSlot, this::issueSensorKey,
                    this::reportOccupancy, this::revokeSensorKey, this::reserve, this::release, this::getUser, this::listUsers,
                    this::register, this::deleteSlot);
            for (Runnable request : firstRound) {
                if (sent < share && System.nanoTime() < deadline) {
                    request.run();
                }
            }
            while (sent < share && System.nanoTime() < deadline) {
                int pick = random.nextInt(100);
                if (pick < 14) {
                    getSlot();
                } else if (pick < 26) {
                    listSlots();
                } else if (pick < 34) {
                    patchSlot();
                } else if (pick < 40) {
                    reportOccupancy();
                } else if (pick < 42) {
                    issueSensorKey();
                } else if (pick < 43) {
                    revokeSensorKey();
                } else if (pick < 52) {
                    createSlot();
                } else if (pick < 64) {
                    reserve();
                } else if (pick < 72) {
                    release();
                } else if (pick < 80) {
                    getUser();
                } else if (pick < 86) {
                    listUsers();
                } else if (pick < 92) {
                    logIn();
                } else if (pick < 97) {
                    register();
                } else {
                    deleteSlot();
                }
            }
        }

        /** Sends one request and records it; empty when the answer is not one of {@code allowed}. */
        private Optional<HttpResponse<String>> call(String route, Set<Integer> allowed, Supplier<HttpResponse<String>> request) {
            sent++;
            long start = System.nanoTime();
            HttpResponse<String> response;
            try {
                response = request.get();
            } catch (UncheckedIOException noAnswer) {
                samples.add(new Sample(route, NO_ANSWER, System.nanoTime() - start));
                unexpected.add(route + " no answer: " + noAnswer.getMessage());
                return Optional.empty();
            }
            samples.add(new Sample(route, response.statusCode(), System.nanoTime() - start));
            if (!allowed.contains(response.statusCode())) {
                unexpected.add(route + " " + response.statusCode() + " " + response.body());
                return Optional.empty();
            }
            return Optional.of(response);
        }

        private boolean logIn() {
            Optional<HttpResponse<String>> login = call("POST /users/login", Set.of(200),
                    () -> http.postForm("/users/login", "username", self.username(), "password", self.password()));
            login.ifPresent(response -> token = response.body());
            return login.isPresent();
        }

        private void register() {
            if (random.nextInt(5) == 0) {
                // The same name in another letter case: the contract's conflict.
                call("POST /users", Set.of(409), () -> http.postForm("/users", "username", self.username().toUpperCase(), "password", "whatever1"));
                return;
            }
            Credentials user = new Credentials(Api.uniqueName("load"), "pw-" + random.nextLong());
            call("POST /users", Set.of(201), () -> http.postForm("/users", "username", user.username(), "password", user.password()))
                    .ifPresent(created -> {
                        users.add(user);
                        userIds.add(Long.parseLong(created.headers().firstValue("location").orElseThrow().substring("/users/".length())));
                    });
        }

        private void createSlot() {
            String name = "L-" + random.nextInt(1000) + (random.nextInt(4) == 0 ? " piazza \u00e8 \ud83d\ude97" : "");
            BigDecimal latitude = coordinate(90);
            BigDecimal longitude = coordinate(180);
            int occupiedChoice = random.nextInt(3);
            List<String> form = new ArrayList<>(List.of("name", name, "latitude", latitude.toPlainString(), "longitude", longitude.toPlainString()));
            if (occupiedChoice < 2) {
                form.addAll(List.of("occupied", occupiedChoice == 0 ? "true" : "false"));
            }
            call("POST /slots", Set.of(201), () -> http.form("POST", "/slots", token, form.toArray(String[]::new)))
                    .ifPresent(created -> {
                        long id = json(created).get("id").asLong();
                        slots.put(id, new SlotValues(name, latitude, longitude, occupiedChoice == 0));
                        slotIds.add(id);
                    });
        }

        private void patchSlot() {
            if (slots.isEmpty()) {
                createSlot();
                return;
            }
            long id = any(List.copyOf(slots.keySet()));
            SlotValues before = slots.get(id);
            String name = random.nextBoolean() ? "P-" + random.nextInt(1000) : null;
            BigDecimal latitude = random.nextBoolean() ? coordinate(90) : null;
            BigDecimal longitude = random.nextBoolean() ? coordinate(180) : null;
            // At least one field: occupied when nothing else was picked.
            boolean nothingYet = name == null && latitude == null && longitude == null;
            Boolean occupied = nothingYet || random.nextBoolean() ? random.nextBoolean() : null;
            List<String> form = new ArrayList<>();
            if (name != null) {
                form.addAll(List.of("name", name));
            }
            if (latitude != null) {
                form.addAll(List.of("latitude", latitude.toPlainString()));
            }
            if (longitude != null) {
                form.addAll(List.of("longitude", longitude.toPlainString()));
            }
            if (occupied != null) {
                form.addAll(List.of("occupied", occupied.toString()));
            }
            call("PATCH /slots/{slot_id}", Set.of(200), () -> http.form("PATCH", "/slots/" + id, token, form.toArray(String[]::new)))
                    .ifPresent(updated -> slots.put(id, new SlotValues(
                            name != null ? name : before.name(),
                            latitude != null ? latitude : before.latitude(),
                            longitude != null ? longitude : before.longitude(),
                            occupied != null ? occupied : before.occupied())));
        }

        /** The owner gives one of its slots' sensors a key (replacing any it had). */
        private void issueSensorKey() {
            if (slots.isEmpty()) {
                createSlot();
                return;
            }
            long id = any(List.copyOf(slots.keySet()));
            call("POST /slots/{slot_id}/sensor-key", Set.of(201), () -> http.form("POST", "/slots/" + id + "/sensor-key", token))
                    .ifPresent(issued -> sensorKeys.put(id, json(issued).get("sensor_key").asText()));
        }

        /** A keyed slot's sensor reports; the answer is the slot as stored, whose occupancy is then the last acknowledged. */
        private void reportOccupancy() {
            Optional<Long> keyed = anyKeyedSlot();
            if (keyed.isEmpty()) {
                issueSensorKey();
                return;
            }
            long id = keyed.get();
            String occupied = Boolean.toString(random.nextBoolean());
            call("PUT /slots/{slot_id}/occupancy", Set.of(200),
                    () -> http.form("PUT", "/slots/" + id + "/occupancy", sensorKeys.get(id), "occupied", occupied))
                    .ifPresent(reported -> slots.put(id, slots.get(id).withOccupied(json(reported).get("occupied").asBoolean())));
        }

        private void revokeSensorKey() {
            Optional<Long> keyed = anyKeyedSlot();
            if (keyed.isEmpty()) {
                issueSensorKey();
                return;
            }
            long id = keyed.get();
            call("DELETE /slots/{slot_id}/sensor-key", Set.of(200), () -> http.delete("/slots/" + id + "/sensor-key", token))
                    .ifPresent(ok -> sensorKeys.remove(id));
        }

        /** One of this client's slots that has a sensor key, if any. */
        private Optional<Long> anyKeyedSlot() {
            List<Long> keyed = sensorKeys.keySet().stream().filter(slots::containsKey).toList();
            return keyed.isEmpty() ? Optional.empty() : Optional.of(any(keyed));
        }

        private void deleteSlot() {
            if (slots.isEmpty()) {
                createSlot();
                return;
            }
            long id = any(List.copyOf(slots.keySet()));
            call("DELETE /slots/{slot_id}", Set.of(200), () -> http.delete("/slots/" + id, token)).ifPresent(ok -> {
                slots.remove(id);
                deleted.add(id);
            });
        }

        private void getSlot() {
            if (slotIds.isEmpty()) {
                listSlots();
                return;
            }
            long id = any(slotIds);
            // 404 once its owner deleted it.
            call("GET /slots/{slot_id}", Set.of(200, 404), () -> http.get("/slots/" + id, token));
        }

        private void listSlots() {
            String query = switch (random.nextInt(5)) {
                case 0 -> "";
                case 1 -> "?available=true";
                case 2 -> "?owner_id=" + userId;
                case 3 -> "?limit=" + (1 + random.nextInt(50));
                default -> "?available=false&limit=20";
            };
            call("GET /slots", Set.of(200), () -> http.get("/slots" + query, token));
        }

        private void reserve() {
            if (slotIds.isEmpty()) {
                createSlot();
                return;
            }
            long id = any(slotIds);
            String minutes = Integer.toString(1 + random.nextInt(120));
            // 409 when occupied or held by someone else; 404 once deleted.
            call("POST /slots/{slot_id}/reservation", Set.of(201, 404, 409), () -> random.nextBoolean()
                    ? http.form("POST", "/slots/" + id + "/reservation", token, "minutes", minutes)
                    : http.form("POST", "/slots/" + id + "/reservation", token));
        }

        private void release() {
            if (slotIds.isEmpty()) {
                createSlot();
                return;
            }
            long id = any(slotIds);
            // 403 when someone else holds it and the caller does not own it; 404 when there is none.
            call("DELETE /slots/{slot_id}/reservation", Set.of(200, 403, 404), () -> http.delete("/slots/" + id + "/reservation", token));
        }

        private void getUser() {
            long id = any(userIds);
            call("GET /users/{user_id}", Set.of(200), () -> http.get("/users/" + id, token));
        }

        private void listUsers() {
            String query = random.nextBoolean() ? "" : "?limit=" + (1 + random.nextInt(100));
            call("GET /users", Set.of(200), () -> http.get("/users" + query, token));
        }

        private long any(List<Long> ids) {
            return ids.get(random.nextInt(ids.size()));
        }

        /** A plain decimal within {@code bound} with 0 to 6 fraction digits. */
        private BigDecimal coordinate(int bound) {
            int scale = random.nextInt(7);
            long range = (long) bound * (long) Math.pow(10, scale);
            return BigDecimal.valueOf(random.nextLong(-range, range + 1), scale);
        }
    }

    private EndState endState(List<Client> clients) {
        List<String> missing = new ArrayList<>();
        int loggedIn = 0;
        int readBack = 0;
        int deletions = 0;
        int lists = 0;
        for (Client client : clients) {
            for (Credentials user : client.users) {
                if (http.postForm("/users/login", "username", user.username(), "password", user.password()).statusCode() == 200) {
                    loggedIn++;
                } else {
                    missing.add("user " + user.username() + " cannot log in");
                }
            }
            if (client.token == null) {
                continue;
            }
            for (Map.Entry<Long, SlotValues> slot : client.slots.entrySet()) {
                HttpResponse<String> response = http.get("/slots/" + slot.getKey(), client.token);
                Optional<SlotValues> stored = response.statusCode() == 200 ? Optional.of(values(json(response))) : Optional.empty();
                if (stored.isPresent() && sameValues(stored.get(), slot.getValue())) {
                    readBack++;
                } else {
                    missing.add("slot " + slot.getKey() + ": acknowledged " + slot.getValue() + ", stored "
                            + stored.map(Object::toString).orElse(response.statusCode() + " " + response.body()));
                }
            }
            for (long id : client.deleted) {
                int status = http.get("/slots/" + id, client.token).statusCode();
                if (status == 404) {
                    deletions++;
                } else {
                    missing.add("deleted slot " + id + " answers " + status);
                }
            }
            HttpResponse<String> list = http.get("/slots?limit=1000&owner_id=" + client.userId, client.token);
            Set<Long> listed = new TreeSet<>();
            if (list.statusCode() == 200) {
                json(list).forEach(slot -> listed.add(slot.get("id").asLong()));
            }
            if (listed.equals(new TreeSet<>(client.slots.keySet()))) {
                lists++;
            } else {
                missing.add("owner " + client.userId + " lists " + listed + " instead of " + new TreeSet<>(client.slots.keySet()));
            }
        }
        return new EndState(loggedIn, readBack, deletions, lists, missing);
    }

    private static SlotValues values(JsonNode slot) {
        return new SlotValues(slot.get("name").asText(), slot.get("latitude").decimalValue(), slot.get("longitude").decimalValue(),
                slot.get("occupied").asBoolean());
    }

    private static boolean sameValues(SlotValues stored, SlotValues acknowledged) {
        return stored.name().equals(acknowledged.name()) && stored.occupied() == acknowledged.occupied()
                && stored.latitude().compareTo(acknowledged.latitude()) == 0
                && stored.longitude().compareTo(acknowledged.longitude()) == 0;
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + response.body(), e);
        }
    }
}
