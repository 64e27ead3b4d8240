package parking.geo;

/** Distances on the sphere the contract measures with. */
public final class GreatCircle {

    /** The contract's Earth radius (the IUGG mean radius), in meters. */
    public static final double EARTH_RADIUS_METERS = 6_371_008.8;

    private GreatCircle() {
    }

    /** Haversine distance in meters between two points given in degrees. */
    public static double meters(double latitude1, double longitude1, double latitude2, double longitude2) {
        double phi1 = Math.toRadians(latitude1);
        double phi2 = Math.toRadians(latitude2);
        double halfDeltaPhi = Math.toRadians(latitude2 - latitude1) / 2;
        double halfDeltaLambda = Math.toRadians(longitude2 - longitude1) / 2;
        double h = Math.sin(halfDeltaPhi) * Math.sin(halfDeltaPhi)
                + Math.cos(phi1) * Math.cos(phi2) * Math.sin(halfDeltaLambda) * Math.sin(halfDeltaLambda);
        // Rounding can push h a hair above 1 for antipodal points, where asin is undefined.
        return 2 * EARTH_RADIUS_METERS * Math.asin(Math.min(1, Math.sqrt(h)));
    }
}
