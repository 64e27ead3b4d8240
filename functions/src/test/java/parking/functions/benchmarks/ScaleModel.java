package parking.functions.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import parking.geo.GeoCells;
import parking.geo.GreatCircle;
import parking.slots.SlotKeys;

/**
 * The slots table at city scale, on paper: every slot of a {@link ScaleScenario} as an item of
 * {@link SlotShape} (keys from {@link SlotKeys}), the table's indexes as the template declares them
 * ({@link GlobalIndex}), and the scenario's traffic turned into write and read units per second on
 * each partition key value: the table's {@code id} and each index's partition key. Writes are
 * billed by {@link GlobalIndex#writeUnits} on each slot's own items before and after; reads as
 * DynamoDB bills them on demand (eventually consistent: half a unit per 4 KB; a Query adds up the
 * entries it reads and rounds up once; BatchGetItem rounds each item up to 4 KB). Nearby searches
 * are drawn at random ({@link ScaleScenario#sampledSearches}), each Querying every cell of
 * {@link GeoCells#covering} whole; some are also answered exactly
 * ({@link ScaleScenario#answeredSearches}): the slots within the radius, by distance then id.
 */
final class ScaleModel {

    /** DynamoDB's per-partition limits (NOTES.md, "Per-partition limits"). */
    static final double PARTITION_WRITE_UNITS = 1_000;
    static final double PARTITION_READ_UNITS = 3_000;
    /** On-demand prices, us-east-1, late 2026 (NOTES.md). */
    static final double WRITE_UNIT_USD = 0.625 / 1e6;
    static final double READ_UNIT_USD = 0.125 / 1e6;
    /** AWS prices a month as 730 hours. */
    static final double SECONDS_PER_MONTH = 730 * 3600;
    private static final int READ_UNIT_BYTES = 4096;
    /** Eventually consistent reads cost half a unit per 4 KB. */
    private static final double EVENTUALLY_CONSISTENT = 0.5;
    private static final Instant NOW = Instant.parse("2026-12-02T08:00:00Z");
    /** No item: before a create, after a delete. */
    private static final JsonNode NO_ITEM = JsonNodeFactory.instance.objectNode();

    /** What drives the units: the scenario's traffic, each a row of the table. */
    enum Pattern {
        REPORT("sensor reports, occupancy unchanged", true),
        FLIP("sensor reports that flip occupancy", true),
        CREATE("creates (churn)", true),
        DELETE("deletes (churn)", true),
        NEARBY_QUERY("nearby searches: Query of each covering cell", false),
        NEARBY_GET("nearby searches: BatchGetItem of the page", false),
        LIST_QUERY("`GET /slots` pages: Query of each listing shard", false),
        LIST_GET("`GET /slots` pages: BatchGetItem of the page", false),
        OWNER_QUERY("`GET /slots?owner_id=` pages: Query", false),
        OWNER_GET("`GET /slots?owner_id=` pages: BatchGetItem of the page", false);

        final String label;
        final boolean writes;

        Pattern(String label, boolean writes) {
            this.label = label;
            this.writes = writes;
        }
    }

    /** One pattern on one table or index: its hottest key value's units per second, and what it costs a month. */
    record Row(String pattern, String target, String keyAttribute, String hottestKey, double hottestWriteUnits,
               double hottestReadUnits, double monthlyUsd) {

        double writeShare() {
            return hottestWriteUnits / PARTITION_WRITE_UNITS;
        }

        double readShare() {
            return hottestReadUnits / PARTITION_READ_UNITS;
        }
    }

    /** A nearby search's read units against those of the slots it returns (means per sampled search). */
    record Amplification(String search, double readUnits, double returnedUnits, double slotsReturned) {

        double ratio() {
            return readUnits / returnedUnits;
        }
    }

    /**
     * @param entryBytes mean size of an item ("table") and of its entry in each index
     * @param writeCosts every kind of slot write, on the scenario's first slot
     * @param cells      the nearby cells that hold slots
     */
    record Result(ScaleScenario scenario, List<Row> patterns, List<Row> targets, List<Amplification> amplification,
                  Map<String, Double> entryBytes, List<SlotWriteCosts.WriteCost> writeCosts, int cells) {

        double monthlyUsd() {
            return patterns.stream().mapToDouble(Row::monthlyUsd).sum();
        }
    }

    /** The table (target 0) or one of its indexes: the partition key and its values' dense numbers. */
    private static final class Target {
        final String name;
        final String keyAttribute;
        final GlobalIndex index;
        final Map<String, Integer> numbers = new HashMap<>();
        final List<String> values = new ArrayList<>();

        Target(String name, String keyAttribute, GlobalIndex index) {
            this.name = name;
            this.keyAttribute = keyAttribute;
            this.index = index;
        }

        int number(JsonNode item) {
            String value = item.path(keyAttribute).elements().next().asText();
            return numbers.computeIfAbsent(value, v -> {
                values.add(v);
                return values.size() - 1;
            });
        }
    }

    private final ScaleScenario scenario;
    private final ScaleScenario.Traffic traffic;
    private final List<Target> targets = new ArrayList<>();
    private final int nearby;
    private final int listing;
    private final int owner;
    private final int slots;
    private final double[] latitude;
    private final double[] longitude;
    private final boolean[] occupied;
    private final int[] itemBytes;
    /** [target][slot]: the number of the slot's key value in that target. */
    private final int[][] keys;
    /** [target][slot]: the size of the slot's entry in that index (target 0: its item). */
    private final int[][] entrySizes;
    private final Map<Pattern, double[][]> units = new EnumMap<>(Pattern.class);

    private ScaleModel(ScaleScenario scenario, List<GlobalIndex> indexes) {
        this.scenario = scenario;
        this.traffic = scenario.traffic();
        targets.add(new Target("table", "id", null));
        indexes.forEach(index -> targets.add(new Target(index.name(), index.indexKeys().get(0), index)));
        this.nearby = target(SlotKeys.BY_CELL);
        this.listing = target(SlotKeys.BY_LISTING);
        this.owner = target(SlotKeys.BY_OWNER);
        this.slots = scenario.slots();
        this.latitude = new double[slots];
        this.longitude = new double[slots];
        this.occupied = new boolean[slots];
        this.itemBytes = new int[slots];
        this.keys = new int[targets.size()][slots];
        this.entrySizes = new int[targets.size()][slots];
    }

    /**
     * @param indexes the slots table's indexes as the template declares them; they must include
     *                {@link SlotKeys#BY_CELL}, {@link SlotKeys#BY_LISTING} and {@link SlotKeys#BY_OWNER}
     */
    static Result run(ScaleScenario scenario, List<GlobalIndex> indexes) {
        ScaleModel model = new ScaleModel(scenario, indexes);
        model.placeSlotsAndWrite();
        List<Amplification> amplification = model.search();
        model.list();
        return model.result(amplification);
    }

    private int target(String indexName) {
        for (int t = 1; t < targets.size(); t++) {
            if (targets.get(t).name.equals(indexName)) {
                return t;
            }
        }
        throw new IllegalStateException("the slots table has no index " + indexName);
    }

    /** Every slot, its sizes and key values, and the units its writes put on each key. */
    private void placeSlotsAndWrite() {
        Random random = new Random(scenario.seed());
        double reportsPerSecond = 1 / traffic.reportSeconds();
        double churnPerSecond = traffic.churnPerDay() / 86_400;
        Instant next = NOW.plusSeconds((long) traffic.reportSeconds());
        int i = 0;
        for (int city = 0; city < scenario.cities().size(); city++) {
            ScaleScenario.City place = scenario.cities().get(city);
            for (int n = 0; n < place.slots(); n++, i++) {
                double[] point = place.randomPoint(random);
                BigDecimal lat = SlotShape.coordinate(point[0]);
                BigDecimal lon = SlotShape.coordinate(point[1]);
                latitude[i] = lat.doubleValue();
                longitude[i] = lon.doubleValue();
                occupied[i] = random.nextDouble() < traffic.occupiedShare();
                ObjectNode item = SlotShape.item(i + 1, city + 1, lat, lon, occupied[i], NOW);
                itemBytes[i] = ItemSize.bytes(item);
                keys[0][i] = i;
                entrySizes[0][i] = itemBytes[i];
                for (int t = 1; t < targets.size(); t++) {
                    keys[t][i] = targets.get(t).number(item);
                    entrySizes[t][i] = targets.get(t).index.entryBytes(item);
                }
                ObjectNode reported = SlotShape.reported(item, occupied[i], next);
                ObjectNode flipped = SlotShape.reported(item, !occupied[i], next);
                write(Pattern.REPORT, i, item, reported, Math.max(itemBytes[i], ItemSize.bytes(reported)), reportsPerSecond * (1 - traffic.flipShare()));
                write(Pattern.FLIP, i, item, flipped, Math.max(itemBytes[i], ItemSize.bytes(flipped)), reportsPerSecond * traffic.flipShare());
                write(Pattern.CREATE, i, NO_ITEM, item, itemBytes[i], churnPerSecond);
                write(Pattern.DELETE, i, item, NO_ITEM, itemBytes[i], churnPerSecond);
            }
        }
    }

    /**
     * A write of slot i at {@code perSecond}: the table's units on its id (by the larger of the item
     * before and after, {@code tableBytes}), each index's on its key value then.
     */
    private void write(Pattern pattern, int i, JsonNode before, JsonNode after, int tableBytes, double perSecond) {
        add(pattern, 0, i, ItemSize.writeUnits(tableBytes) * perSecond);
        for (int t = 1; t < targets.size(); t++) {
            Target target = targets.get(t);
            int indexUnits = target.index.writeUnits(before, after);
            if (indexUnits > 0) {
                // A write lands on the key the item has after it; a delete on the one it had.
                add(pattern, t, target.number(target.index.holds(after) ? after : before), indexUnits * perSecond);
            }
        }
    }

    private void add(Pattern pattern, int target, int key, double perSecond) {
        double[][] byTarget = units.computeIfAbsent(pattern, p -> new double[targets.size()][]);
        if (byTarget[target] == null) {
            byTarget[target] = new double[Math.max(16, keyCount(target))];
        }
        if (key >= byTarget[target].length) {
            byTarget[target] = Arrays.copyOf(byTarget[target], Math.max(key + 1, 2 * byTarget[target].length));
        }
        byTarget[target][key] += perSecond;
    }

    /** The table's keys are the slots' ids; an index's, the values its items have shown so far. */
    private int keyCount(int target) {
        return target == 0 ? slots : targets.get(target).values.size();
    }

    private String keyValue(int target, int key) {
        return target == 0 ? Integer.toString(key + 1) : targets.get(target).values.get(key);
    }

    /** A slot found by a search: its number (in id order) and its haversine h, which grows with the distance from the centre. */
    private record Match(int slot, double h) {
    }

    /**
     * Draws the sampled searches ({@code available=true}, as drivers search), charges each covering
     * cell's Query to that cell and each slot of the answer's first page its BatchGetItem; returns
     * the searches' read units against those of their answers, with and without the filter.
     */
    private List<Amplification> search() {
        int[][] byCell = slotsByKey(nearby);
        double[] cellUnits = new double[byCell.length];
        for (int k = 0; k < byCell.length; k++) {
            long bytes = 0;
            for (int i : byCell[k]) {
                bytes += entrySizes[nearby][i];
            }
            cellUnits[k] = queryUnits(bytes);
        }
        double[] phi = new double[slots];
        double[] cosPhi = new double[slots];
        double[] lambda = new double[slots];
        for (int i = 0; i < slots; i++) {
            phi[i] = Math.toRadians(latitude[i]);
            cosPhi[i] = Math.cos(phi[i]);
            lambda[i] = Math.toRadians(longitude[i]);
        }
        // GreatCircle.meters <= radius, as the haversine h <= sin²(radius / 2R): the same test without asin per slot.
        double halfAngle = Math.sin(traffic.radiusMeters() / (2 * GreatCircle.EARTH_RADIUS_METERS));
        double within = halfAngle * halfAngle;
        Random random = new Random(scenario.seed() + 1);
        double perSample = traffic.searchesPerSecond() / scenario.sampledSearches();
        double perAnswer = traffic.searchesPerSecond() / scenario.answeredSearches();
        int answerEvery = scenario.sampledSearches() / scenario.answeredSearches();
        int limit = traffic.pageLimit();
        // [filter][first page, every page of the limit, pages of 1,000]: read units and returned units; matches.
        double[][] reads = new double[2][3];
        double[][] returned = new double[2][3];
        double[][] found = new double[2][3];
        for (int s = 0; s < scenario.sampledSearches(); s++) {
            double[] centre = randomCity(random).randomPoint(random);
            double centrePhi = Math.toRadians(centre[0]);
            double centreCos = Math.cos(centrePhi);
            double centreLambda = Math.toRadians(centre[1]);
            double indexUnits = 0;
            boolean answered = s % answerEvery == 0;
            List<Match> all = new ArrayList<>();
            for (String cell : GeoCells.covering(centre[0], centre[1], traffic.radiusMeters())) {
                Integer k = targets.get(nearby).numbers.get(cell);
                if (k == null) {
                    indexUnits += queryUnits(0);
                    continue;
                }
                indexUnits += cellUnits[k];
                add(Pattern.NEARBY_QUERY, nearby, k, cellUnits[k] * perSample);
                if (!answered) {
                    continue;
                }
                for (int i : byCell[k]) {
                    double sinPhi = Math.sin((phi[i] - centrePhi) / 2);
                    double sinLambda = Math.sin((lambda[i] - centreLambda) / 2);
                    double h = sinPhi * sinPhi + centreCos * cosPhi[i] * sinLambda * sinLambda;
                    if (h <= within) {
                        all.add(new Match(i, h));
                    }
                }
            }
            if (!answered) {
                continue;
            }
            all.sort((a, b) -> a.h() != b.h() ? Double.compare(a.h(), b.h()) : Integer.compare(a.slot(), b.slot()));
            List<Match> available = all.stream().filter(match -> !occupied[match.slot()]).toList();
            for (Match match : available.subList(0, Math.min(limit, available.size()))) {
                add(Pattern.NEARBY_GET, 0, match.slot(), batchGetUnits(itemBytes[match.slot()]) * perAnswer);
            }
            List<List<Match>> answers = List.of(available, all);
            for (int f = 0; f < 2; f++) {
                List<Match> answer = answers.get(f);
                double firstPage = 0;
                double whole = 0;
                for (int m = 0; m < answer.size(); m++) {
                    double itemUnits = batchGetUnits(itemBytes[answer.get(m).slot()]);
                    whole += itemUnits;
                    firstPage += m < limit ? itemUnits : 0;
                }
                // Each page reads every covering cell again: the answer is ordered by distance.
                reads[f][0] += indexUnits + firstPage;
                reads[f][1] += pages(answer.size(), limit) * indexUnits + whole;
                reads[f][2] += pages(answer.size(), 1_000) * indexUnits + whole;
                returned[f][0] += firstPage;
                returned[f][1] += whole;
                returned[f][2] += whole;
                found[f][0] += Math.min(limit, answer.size());
                found[f][1] += answer.size();
                found[f][2] += answer.size();
            }
        }
        List<Amplification> amplification = new ArrayList<>();
        String[] filters = {"`available=true`", "no filter"};
        String[] reading = {"first page (limit " + limit + ")", "whole answer, pages of " + limit, "whole answer, pages of 1,000"};
        int samples = scenario.answeredSearches();
        for (int f = 0; f < 2; f++) {
            for (int r = 0; r < 3; r++) {
                amplification.add(new Amplification(filters[f] + ", " + reading[r], reads[f][r] / samples, returned[f][r] / samples,
                        found[f][r] / samples));
            }
        }
        return amplification;
    }

    private static int pages(int matches, int limit) {
        return Math.max(1, ceilDiv(matches, limit));
    }

    /** A city drawn in proportion to its slots: searches go where the spaces are. */
    private ScaleScenario.City randomCity(Random random) {
        int pick = random.nextInt(slots);
        for (ScaleScenario.City city : scenario.cities()) {
            if (pick < city.slots()) {
                return city;
            }
            pick -= city.slots();
        }
        throw new IllegalStateException("no city holds slot " + pick);
    }

    /**
     * A page of {@code GET /slots} Queries every listing shard for a page and one more entry (the
     * proof of a next page) and merges them in id order; a page of {@code GET /slots?owner_id=}
     * Queries its owner's partition. Each then reads its page's items with BatchGetItem.
     */
    private void list() {
        int limit = traffic.pageLimit();
        int[][] byListing = slotsByKey(listing);
        for (int k = 0; k < byListing.length; k++) {
            add(Pattern.LIST_QUERY, listing, k, queryUnits(headBytes(listing, byListing[k], limit + 1)) * traffic.listPagesPerSecond());
        }
        for (int i = 0; i < Math.min(limit, slots); i++) {
            add(Pattern.LIST_GET, 0, i, batchGetUnits(itemBytes[i]) * traffic.listPagesPerSecond());
        }
        int[][] byOwner = slotsByKey(owner);
        for (int k = 0; k < byOwner.length; k++) {
            add(Pattern.OWNER_QUERY, owner, k, queryUnits(headBytes(owner, byOwner[k], limit + 1)) * traffic.ownerPagesPerSecondPerCity());
            for (int m = 0; m < Math.min(limit, byOwner[k].length); m++) {
                int i = byOwner[k][m];
                add(Pattern.OWNER_GET, 0, i, batchGetUnits(itemBytes[i]) * traffic.ownerPagesPerSecondPerCity());
            }
        }
    }

    /** The entries a Query with this limit reads from a partition (slots in id order). */
    private long headBytes(int target, int[] partition, int limit) {
        long bytes = 0;
        for (int m = 0; m < Math.min(limit, partition.length); m++) {
            bytes += entrySizes[target][partition[m]];
        }
        return bytes;
    }

    /** Slot numbers grouped by their key value in a target, in id order. */
    private int[][] slotsByKey(int target) {
        int[] counts = new int[targets.get(target).values.size()];
        for (int i = 0; i < slots; i++) {
            counts[keys[target][i]]++;
        }
        int[][] grouped = new int[counts.length][];
        for (int k = 0; k < counts.length; k++) {
            grouped[k] = new int[counts[k]];
        }
        int[] filled = new int[counts.length];
        for (int i = 0; i < slots; i++) {
            int k = keys[target][i];
            grouped[k][filled[k]++] = i;
        }
        return grouped;
    }

    private Result result(List<Amplification> amplification) {
        List<Row> patterns = new ArrayList<>();
        List<Row> all = new ArrayList<>();
        for (int t = 0; t < targets.size(); t++) {
            Target target = targets.get(t);
            double[] writes = new double[keyCount(t)];
            double[] reads = new double[keyCount(t)];
            double monthly = 0;
            for (Pattern pattern : Pattern.values()) {
                double[][] byTarget = units.get(pattern);
                double[] byKey = byTarget == null || byTarget[t] == null ? new double[0] : Arrays.copyOf(byTarget[t], keyCount(t));
                double total = Arrays.stream(byKey).sum();
                if (total == 0) {
                    continue;
                }
                int hottest = hottest(byKey);
                double cost = total * SECONDS_PER_MONTH * (pattern.writes ? WRITE_UNIT_USD : READ_UNIT_USD);
                monthly += cost;
                patterns.add(new Row(pattern.label, target.name, target.keyAttribute, keyValue(t, hottest),
                        pattern.writes ? byKey[hottest] : 0, pattern.writes ? 0 : byKey[hottest], cost));
                double[] sum = pattern.writes ? writes : reads;
                for (int k = 0; k < byKey.length; k++) {
                    sum[k] += byKey[k];
                }
            }
            if (monthly > 0) {
                int hotWrites = hottest(writes);
                int hotReads = hottest(reads);
                // The busiest key for writes and the busiest for reads, each against its own limit.
                String hot = hotWrites == hotReads || reads[hotReads] == 0 ? keyValue(t, hotWrites)
                        : writes[hotWrites] == 0 ? keyValue(t, hotReads)
                        : keyValue(t, hotWrites) + " (writes), " + keyValue(t, hotReads) + " (reads)";
                all.add(new Row("all patterns", target.name, target.keyAttribute, hot, writes[hotWrites], reads[hotReads], monthly));
            }
        }
        Map<String, Double> entryBytes = new LinkedHashMap<>();
        for (int t = 0; t < targets.size(); t++) {
            entryBytes.put(targets.get(t).name, Arrays.stream(entrySizes[t]).average().orElse(0));
        }
        List<GlobalIndex> indexes = targets.subList(1, targets.size()).stream().map(target -> target.index).toList();
        return new Result(scenario, patterns, all, amplification, entryBytes,
                SlotWriteCosts.of(indexes, SlotShape.coordinate(latitude[0]), SlotShape.coordinate(longitude[0]), NOW),
                targets.get(nearby).values.size());
    }

    private static int hottest(double[] byKey) {
        int hottest = 0;
        for (int k = 1; k < byKey.length; k++) {
            if (byKey[k] > byKey[hottest]) {
                hottest = k;
            }
        }
        return hottest;
    }

    /** A Query's units: the entries it reads added up, rounded up to 4 KB once; an empty one still costs the minimum. */
    static double queryUnits(double bytes) {
        return Math.max(1, ceilDiv((long) Math.ceil(bytes), READ_UNIT_BYTES)) * EVENTUALLY_CONSISTENT;
    }

    /** A BatchGetItem's units for one item: rounded up to 4 KB on its own. */
    static double batchGetUnits(int itemBytes) {
        return ceilDiv(itemBytes, READ_UNIT_BYTES) * EVENTUALLY_CONSISTENT;
    }

    private static int ceilDiv(long bytes, int unit) {
        return (int) ((bytes + unit - 1) / unit);
    }
}
