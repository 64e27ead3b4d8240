package parking.slots;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import parking.geo.Circle;
import parking.geo.Destinations;
import parking.geo.GreatCircle;
import parking.paging.Page;
import parking.paging.PageRequest;

/**
 * The nearby search against a brute-force haversine over every slot: the same slots, none
 * missed and none beyond the radius, anywhere on Earth, and a walk over all pages yields each
 * once, in order. The index is a map from cell to the slots {@link SlotKeys#cell} puts there,
 * holding what SlotsByCell projects: no sensor attribute, so a silent sensor is seen only in the
 * table.
 */
class NearbySearchPropertiesTest {

    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
    private static final Moment AT = new Moment(NOW, Duration.ofMinutes(60));

    /** Centers everywhere, drawn often near the poles and on both sides of the antimeridian. */
    @Provide
    Arbitrary<double[]> centers() {
        Arbitrary<Double> latitudes = Arbitraries.oneOf(
                Arbitraries.doubles().between(-90, 90),
                Arbitraries.doubles().between(89, 90),
                Arbitraries.doubles().between(-90, -89),
                Arbitraries.of(90.0, -90.0));
        Arbitrary<Double> longitudes = Arbitraries.oneOf(
                Arbitraries.doubles().between(-180, 180),
                Arbitraries.doubles().between(179.9, 180),
                Arbitraries.doubles().between(-180, -179.9),
                Arbitraries.of(180.0, -180.0));
        return Combinators.combine(latitudes, longitudes).as((latitude, longitude) -> new double[] {latitude, longitude});
    }

    @Property(tries = 300)
    void everyPageWalkYieldsExactlyTheSlotsWithinTheRadiusNearestFirst(
            @ForAll("centers") double[] center,
            @ForAll @IntRange(min = 1, max = 5000) int radius,
            @ForAll @IntRange(min = 1, max = 40) int limit,
            @ForAll @IntRange(min = 0, max = 1000) int seed) {
        List<SlotItem> slots = around(center, radius, seed);
        Circle circle = new Circle(center[0], center[1], radius);
        SlotFilter filter = new SlotFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(circle));

        assertEquals(bruteForce(slots, circle, filter), walk(slots, filter, limit));
    }

    @Property(tries = 200)
    void filtersCombineWithTheCircle(
            @ForAll("centers") double[] center,
            @ForAll @IntRange(min = 1, max = 2000) int radius,
            @ForAll @IntRange(min = 0, max = 1000) int seed,
            @ForAll boolean available, @ForAll @IntRange(min = 1, max = 3) int owner) {
        List<SlotItem> slots = around(center, radius, seed);
        Circle circle = new Circle(center[0], center[1], radius);
        SlotFilter filter = new SlotFilter(Optional.of(available), Optional.empty(), Optional.of((long) owner), Optional.of(circle));

        assertEquals(bruteForce(slots, circle, filter), walk(slots, filter, 7));
    }

    @Property(tries = 200)
    void everyStatusFilterKeepsExactlyTheSlotsOfThatStatusSilentSensorsIncluded(
            @ForAll("centers") double[] center,
            @ForAll @IntRange(min = 1, max = 2000) int radius,
            @ForAll @IntRange(min = 0, max = 1000) int seed,
            @ForAll SlotStatus status) {
        List<SlotItem> slots = around(center, radius, seed);
        Circle circle = new Circle(center[0], center[1], radius);
        SlotFilter filter = new SlotFilter(Optional.empty(), Optional.of(status), Optional.empty(), Optional.of(circle));

        assertEquals(bruteForce(slots, circle, filter), walk(slots, filter, 7));
    }

    /**
     * Slots inside, outside and on the edge of the circle (0.5 m in and out), some sharing a
     * spot (ties broken by id), occupied, reserved (an ended reservation too), of three owners;
     * some without a sensor key, some with a sensor heard lately, some with a silent one.
     */
    private static List<SlotItem> around(double[] center, int radius, int seed) {
        java.util.Random random = new java.util.Random(seed);
        List<SlotItem> slots = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            double meters = switch (i % 4) {
                case 0 -> radius + 0.5;
                case 1 -> Math.max(0, radius - 0.5);
                default -> random.nextDouble() * radius * 2;
            };
            double[] point = Destinations.from(center[0], center[1], random.nextDouble() * 360, meters);
            slots.add(slot(i + 1L, point[0], point[1], random));
            if (i % 10 == 0) {
                slots.add(slot(i + 1001L, point[0], point[1], random));
            }
        }
        return slots;
    }

    private static SlotItem slot(long id, double latitude, double longitude, java.util.Random random) {
        SlotItem slot = new SlotItem();
        slot.setId(id);
        // Stored as the API stores coordinates: decimals, read back as doubles.
        slot.setLatitude(new BigDecimal(Double.toString(latitude)));
        slot.setLongitude(new BigDecimal(Double.toString(longitude)));
        slot.setCell(SlotKeys.cell(slot.getLatitude(), slot.getLongitude()));
        slot.setOwnerId(1L + random.nextInt(3));
        slot.setOccupied(random.nextInt(3) == 0);
        switch (random.nextInt(3)) {
            case 0 -> {
                slot.setReservedBy(9L);
                slot.setReservedUntil(NOW.getEpochSecond() + 60);
            }
            case 1 -> {
                slot.setReservedBy(9L);
                slot.setReservedUntil(NOW.getEpochSecond());
            }
            default -> { }
        }
        switch (random.nextInt(4)) {
            case 0 -> slot.setSensorIssuedAt(NOW.minus(Duration.ofMinutes(61)).toEpochMilli());
            case 1 -> {
                slot.setSensorIssuedAt(NOW.minus(Duration.ofDays(1)).toEpochMilli());
                slot.setSensorReportedAt(NOW.minus(Duration.ofMinutes(random.nextBoolean() ? 59 : 61)).toEpochMilli());
            }
            default -> { }
        }
        slot.setName("S" + id);
        slot.setUpdatedAt("2026-12-02T09:00:00Z");
        return slot;
    }

    private static List<Long> bruteForce(List<SlotItem> slots, Circle circle, SlotFilter filter) {
        return slots.stream()
                .filter(slot -> filter.admits(slot, AT))
                .filter(slot -> meters(circle, slot) <= circle.radiusMeters())
                .sorted(Comparator.comparingDouble((SlotItem slot) -> meters(circle, slot)).thenComparingLong(SlotItem::getId))
                .map(SlotItem::getId)
                .toList();
    }

    private static double meters(Circle circle, SlotItem slot) {
        return GreatCircle.meters(circle.latitude(), circle.longitude(),
                slot.getLatitude().doubleValue(), slot.getLongitude().doubleValue());
    }

    /** Every page from the first, following each page's cursor as a client follows Link. */
    private static List<Long> walk(List<SlotItem> slots, SlotFilter filter, int limit) {
        Map<String, List<SlotItem>> index = slots.stream().map(NearbySearchPropertiesTest::indexEntry)
                .collect(Collectors.groupingBy(SlotItem::getCell));
        Map<Long, SlotItem> table = new HashMap<>();
        slots.forEach(slot -> table.put(slot.getId(), slot));
        Function<List<Long>, Map<Long, SlotItem>> read = ids -> ids.stream()
                .collect(Collectors.toMap(id -> id, table::get));
        List<Long> walked = new ArrayList<>();
        PageRequest request = new PageRequest(0, limit);
        for (int pages = 0; pages < 1000; pages++) {
            Page<NearbySlot> page = NearbySearch.page(filter, request, AT,
                    cell -> index.getOrDefault(cell, List.of()), read);
            page.items().forEach(item -> walked.add(item.slot().id()));
            if (page.nextCursor().isEmpty()) {
                return walked;
            }
            request = PageRequest.decodeDistanceCursor(page.nextCursor().get(), limit).orElseThrow();
        }
        throw new AssertionError("more than 1000 pages");
    }

    /** What SlotsByCell holds of a slot: its keys and the attributes template.yaml projects. */
    private static SlotItem indexEntry(SlotItem slot) {
        SlotItem entry = new SlotItem();
        entry.setId(slot.getId());
        entry.setCell(slot.getCell());
        entry.setLatitude(slot.getLatitude());
        entry.setLongitude(slot.getLongitude());
        entry.setOccupied(slot.getOccupied());
        entry.setReservedUntil(slot.getReservedUntil());
        entry.setOwnerId(slot.getOwnerId());
        return entry;
    }
}
