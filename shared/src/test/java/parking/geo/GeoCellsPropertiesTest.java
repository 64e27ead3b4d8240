package parking.geo;

import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/** The covering of a circle holds the cell of every point within its radius, anywhere on Earth. */
class GeoCellsPropertiesTest {

    /** Latitudes everywhere, with the polar caps and the equator drawn often. */
    @Provide
    Arbitrary<Double> latitudes() {
        return Arbitraries.oneOf(
                Arbitraries.doubles().between(-90, 90),
                Arbitraries.doubles().between(89, 90),
                Arbitraries.doubles().between(-90, -89),
                Arbitraries.of(90.0, -90.0, 0.0, 89.99999, -89.99999));
    }

    /** Longitudes everywhere, with both sides of the antimeridian drawn often. */
    @Provide
    Arbitrary<Double> longitudes() {
        return Arbitraries.oneOf(
                Arbitraries.doubles().between(-180, 180),
                Arbitraries.doubles().between(179, 180),
                Arbitraries.doubles().between(-180, -179),
                Arbitraries.of(180.0, -180.0, 0.0));
    }

    @Property(tries = 3000)
    void everyPointWithinTheRadiusLiesInACoveringCell(
            @ForAll("latitudes") double latitude, @ForAll("longitudes") double longitude,
            @ForAll @IntRange(min = 1, max = 5000) int radius,
            @ForAll @DoubleRange(min = 0, max = 360) double bearing, @ForAll @DoubleRange(min = 0, max = 1) double fraction) {
        double[] point = Destinations.from(latitude, longitude, bearing, radius * fraction);
        // Near a pole the destination is a little off its distance: the haversine decides, as in the search.
        Assume.that(GreatCircle.meters(latitude, longitude, point[0], point[1]) <= radius);
        assertTrue(GeoCells.covering(latitude, longitude, radius).contains(GeoCells.cellOf(point[0], point[1])),
                () -> "missed " + point[0] + "," + point[1]);
    }

    @Property(tries = 500)
    void aCircleOf500MetersCoversAtMostSixCellsEvenAtThePoles(
            @ForAll("latitudes") double latitude, @ForAll("longitudes") double longitude,
            @ForAll @IntRange(min = 1, max = 500) int radius) {
        int cells = GeoCells.covering(latitude, longitude, radius).size();
        assertTrue(cells <= 6, () -> cells + " cells");
    }
}
