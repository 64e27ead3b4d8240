package parking.geo;

import java.util.List;

/** The points within {@code radiusMeters} (great-circle) of a center given in degrees. */
public record Circle(double latitude, double longitude, double radiusMeters) {

    /** Distance in meters from the center to the point. */
    public double metersTo(double pointLatitude, double pointLongitude) {
        return GreatCircle.meters(latitude, longitude, pointLatitude, pointLongitude);
    }

    /** The same center with another radius. */
    public Circle withRadius(double meters) {
        return new Circle(latitude, longitude, meters);
    }

    /** The cells to read to find every point of the circle: see {@link GeoCells#covering}. */
    public List<String> cells() {
        return GeoCells.covering(latitude, longitude, radiusMeters);
    }
}
