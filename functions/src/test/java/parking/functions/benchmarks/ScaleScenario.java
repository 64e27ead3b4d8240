package parking.functions.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import parking.geo.GreatCircle;

/**
 * What {@link ScaleModel} is run on: where the slots are, and the traffic of sensors and drivers.
 *
 * @param cities          the cities, each a square of slots placed uniformly at random; one operator
 *                        owns all of a city's slots
 * @param sampledSearches  how many nearby searches are drawn to spread the searches' Queries over the
 *                         cells (each stands for {@code searchesPerSecond / sampledSearches} searches a
 *                         second): enough that the hottest cell is not an accident of the draw
 * @param answeredSearches how many of them, evenly picked, are also answered (the slots within the
 *                         radius found, the page read): the answers' reads and the read amplification
 */
record ScaleScenario(String name, List<City> cities, Traffic traffic, int sampledSearches, int answeredSearches, long seed) {

    /**
     * A city: a square of {@code sideMeters} centred on a point, laid on the Earth by the azimuthal
     * equidistant projection around that point, so it keeps its size and shape near a pole and
     * across the antimeridian. Drivers search at points drawn the same way.
     */
    record City(String name, double latitude, double longitude, double sideMeters, int slots) {

        /** A point drawn uniformly in the square: {latitude, longitude}. */
        double[] randomPoint(Random random) {
            double east = (random.nextDouble() - 0.5) * sideMeters;
            double north = (random.nextDouble() - 0.5) * sideMeters;
            return destination(latitude, longitude, Math.hypot(east, north), Math.atan2(east, north));
        }
    }

    /**
     * The traffic, per second unless stated.
     *
     * @param reportSeconds              every sensor reports once in this many seconds
     * @param flipShare                  the share of reports that flip occupancy
     * @param occupiedShare              the share of slots occupied at any time (what {@code available=true} leaves out)
     * @param searchesPerSecond          nearby searches, {@code available=true}, spread over cities as their slots are
     * @param radiusMeters               the searches' radius
     * @param pageLimit                  the searches' and lists' page size (the contract's default)
     * @param churnPerDay                the share of slots deleted, and as many created, each day
     * @param listPagesPerSecond         pages of {@code GET /slots} without filter, for the whole deployment
     * @param ownerPagesPerSecondPerCity pages of {@code GET /slots?owner_id=} each city's operator reads
     */
    record Traffic(double reportSeconds, double flipShare, double occupiedShare, double searchesPerSecond, double radiusMeters,
                   int pageLimit, double churnPerDay, double listPagesPerSecond, double ownerPagesPerSecondPerCity) {

        static Traffic issue10() {
            return new Traffic(60, 0.10, 0.70, 500, 500, 100, 0.01, 1, 1);
        }
    }

    /** 100,000 slots per 100 km²: the density of scenario (a), kept by every city of (b). */
    private static final double SLOTS_PER_SQUARE_METER = 100_000 / (10_000.0 * 10_000.0);

    /** (a) One city of 100,000 slots in 10 km × 10 km (centred on Turin, the API's examples' city). */
    static ScaleScenario oneCity() {
        return new ScaleScenario("(a) one city", List.of(new City("Turin", 45.0703, 7.6869, 10_000, 100_000)),
                Traffic.issue10(), 200_000, 10_000, 1);
    }

    /**
     * (b) 1,000,000 slots in 200 cities worldwide. City sizes follow Zipf's law (the n-th largest
     * has 1/n of the largest's slots), each city as dense as (a), so the largest has about 170,000
     * slots in 13 km × 13 km. The largest city straddles the antimeridian; others lie at 78° N, near
     * the South Pole (its square holds the pole), at 78° S and by the antimeridian at 65° N; the
     * rest are drawn at random between 50° S and 65° N, at least 100 km apart.
     */
    static ScaleScenario worldwide() {
        int cities = 200;
        int total = 1_000_000;
        List<double[]> centres = new ArrayList<>(List.of(
                new double[] {-16.80, 180.0},   // Taveuni, Fiji: across the antimeridian
                new double[] {78.22, 15.65},    // Longyearbyen, Svalbard
                new double[] {-89.99, 0.0},     // a city around the South Pole
                new double[] {-77.85, 166.67},  // McMurdo
                new double[] {64.73, 177.51})); // Anadyr, by the antimeridian
        List<String> names = new ArrayList<>(List.of("Taveuni (antimeridian)", "Longyearbyen (78° N)", "South Pole",
                "McMurdo (78° S)", "Anadyr (65° N, 177.5° E)"));
        Random random = new Random(2);
        while (centres.size() < cities) {
            double[] centre = {-50 + 115 * random.nextDouble(), -180 + 360 * random.nextDouble()};
            if (centres.stream().allMatch(other -> GreatCircle.meters(centre[0], centre[1], other[0], other[1]) > 100_000)) {
                centres.add(centre);
                names.add("city " + centres.size());
            }
        }
        int[] slots = zipf(cities, total);
        List<City> list = new ArrayList<>();
        for (int i = 0; i < cities; i++) {
            list.add(new City(names.get(i), centres.get(i)[0], centres.get(i)[1], Math.sqrt(slots[i] / SLOTS_PER_SQUARE_METER), slots[i]));
        }
        return new ScaleScenario("(b) 200 cities", List.copyOf(list), Traffic.issue10(), 200_000, 10_000, 3);
    }

    int slots() {
        return cities.stream().mapToInt(City::slots).sum();
    }

    /** Sizes proportional to 1/rank adding up to {@code total}; the rounding's remainder goes to the largest. */
    private static int[] zipf(int count, int total) {
        double harmonic = 0;
        for (int rank = 1; rank <= count; rank++) {
            harmonic += 1.0 / rank;
        }
        int[] sizes = new int[count];
        int sum = 0;
        for (int rank = 1; rank <= count; rank++) {
            sizes[rank - 1] = (int) (total / harmonic / rank);
            sum += sizes[rank - 1];
        }
        sizes[0] += total - sum;
        return sizes;
    }

    /**
     * The point {@code meters} away from a start along the initial bearing (radians clockwise from
     * north), on the sphere of {@link GreatCircle#EARTH_RADIUS_METERS} (the "destination point" formula).
     */
    static double[] destination(double latitude, double longitude, double meters, double bearing) {
        double angle = meters / GreatCircle.EARTH_RADIUS_METERS;
        double phi = Math.toRadians(latitude);
        double endPhi = Math.asin(Math.sin(phi) * Math.cos(angle) + Math.cos(phi) * Math.sin(angle) * Math.cos(bearing));
        double deltaLambda = Math.atan2(Math.sin(bearing) * Math.sin(angle) * Math.cos(phi),
                Math.cos(angle) - Math.sin(phi) * Math.sin(endPhi));
        double endLongitude = Math.toDegrees(Math.toRadians(longitude) + deltaLambda);
        // Back into [-180, 180): a city across the antimeridian has slots on both sides.
        return new double[] {Math.toDegrees(endPhi), ((endLongitude + 540) % 360) - 180};
    }
}
