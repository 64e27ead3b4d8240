package parking.geo;

/** Points at a given bearing and distance from a start, on the contract's sphere. */
public final class Destinations {

    private Destinations() {
    }

    /** {latitude, longitude} in degrees, the longitude within [-180, 180]. */
    public static double[] from(double latitude, double longitude, double bearingDegrees, double meters) {
        double angle = meters / GreatCircle.EARTH_RADIUS_METERS;
        double phi = Math.toRadians(latitude);
        double theta = Math.toRadians(bearingDegrees);
        double sinPhi2 = Math.sin(phi) * Math.cos(angle) + Math.cos(phi) * Math.sin(angle) * Math.cos(theta);
        double phi2 = Math.asin(Math.max(-1, Math.min(1, sinPhi2)));
        double lambda2 = Math.toRadians(longitude) + Math.atan2(
                Math.sin(theta) * Math.sin(angle) * Math.cos(phi), Math.cos(angle) - Math.sin(phi) * sinPhi2);
        double degrees = Math.toDegrees(lambda2);
        double wrapped = ((degrees + 180) % 360 + 360) % 360 - 180;
        return new double[] {Math.toDegrees(phi2), wrapped};
    }
}
