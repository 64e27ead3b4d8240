package parking.geo;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The nearby index's partition key: the Earth cut into cells of about 1.1 km × 1.1 km everywhere.
 *
 * <p>Latitude is cut into bands {@value #BAND_DEGREES}° high (about 1.11 km); each band is cut
 * into as many equal columns as fit about that width at the band's middle latitude, down to one
 * column at the poles. Geohash cells were the first candidate, but they narrow with the cosine of
 * the latitude, so a circle near a pole covers thousands of them (the whole ring of 32,768 at
 * precision 6 around a pole); these cells keep a 500 m circle to a handful anywhere. Why this
 * size (the write and read load per cell): docs/DATA-MODEL.md.
 *
 * <p>{@link #cellOf} and {@link #covering} share one floor of a monotonic expression per axis,
 * so every point inside a circle falls in a cell of the circle's covering, whatever the
 * rounding: the covering may hold a cell too many, never one too few.
 */
public final class GeoCells {

    static final double BAND_DEGREES = 0.01;
    static final int BANDS = 18_000;
    /** Added to the radius when covering: far beyond any rounding of the bounding box. */
    private static final double MARGIN_METERS = 1;

    private GeoCells() {
    }

    /** The cell holding the point, written {@code band:column}. */
    public static String cellOf(double latitude, double longitude) {
        int band = band(latitude);
        return name(band, column(band, longitude));
    }

    /**
     * Every cell holding a point within {@code radiusMeters} of the center, and a few more: the
     * cells of the circle's latitude/longitude bounding box, split at the antimeridian, and whole
     * bands when the circle holds a pole.
     */
    public static List<String> covering(double latitude, double longitude, double radiusMeters) {
        double angle = (radiusMeters + MARGIN_METERS) / GreatCircle.EARTH_RADIUS_METERS;
        double south = latitude - Math.toDegrees(angle);
        double north = latitude + Math.toDegrees(angle);
        int firstBand = band(Math.max(south, -90));
        int lastBand = band(Math.min(north, 90));
        // Widest longitude offset of the circle (J. Matuschek, "Finding Points Within a Distance of
        // a Latitude/Longitude Using Bounding Coordinates"); the circle holds a pole when it has none.
        double sine = Math.sin(angle) / Math.cos(Math.toRadians(latitude));
        boolean allLongitudes = north >= 90 || south <= -90 || sine >= 1;
        double halfWidth = allLongitudes ? 180 : Math.toDegrees(Math.asin(sine));
        List<double[]> spans = longitudeSpans(longitude - halfWidth, longitude + halfWidth, allLongitudes);
        Set<String> cells = new LinkedHashSet<>();
        for (int band = firstBand; band <= lastBand; band++) {
            for (double[] span : spans) {
                for (int column = column(band, span[0]); column <= column(band, span[1]); column++) {
                    cells.add(name(band, column));
                }
            }
        }
        return List.copyOf(cells);
    }

    /** [west, east] pairs within [-180, 180]: one, or two when the span crosses the antimeridian. */
    private static List<double[]> longitudeSpans(double west, double east, boolean allLongitudes) {
        List<double[]> spans = new ArrayList<>();
        if (allLongitudes || east - west >= 360) {
            spans.add(new double[] {-180, 180});
        } else if (west < -180) {
            spans.add(new double[] {west + 360, 180});
            spans.add(new double[] {-180, east});
        } else if (east > 180) {
            spans.add(new double[] {west, 180});
            spans.add(new double[] {-180, east - 360});
        } else {
            spans.add(new double[] {west, east});
        }
        return spans;
    }

    static int band(double latitude) {
        return clamp((int) Math.floor((latitude + 90) / BAND_DEGREES), BANDS - 1);
    }

    static int columns(int band) {
        double middle = -90 + (band + 0.5) * BAND_DEGREES;
        return Math.max(1, (int) Math.floor(360 * Math.cos(Math.toRadians(middle)) / BAND_DEGREES));
    }

    static int column(int band, double longitude) {
        int columns = columns(band);
        return clamp((int) Math.floor((longitude + 180) / 360 * columns), columns - 1);
    }

    private static int clamp(int value, int max) {
        return Math.max(0, Math.min(value, max));
    }

    private static String name(int band, int column) {
        return band + ":" + column;
    }
}
