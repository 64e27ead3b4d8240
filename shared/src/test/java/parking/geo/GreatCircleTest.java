package parking.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class GreatCircleTest {

    @Test
    void oneDegreeOfLatitudeIsTheRadiusTimesPiOver180() {
        assertEquals(GreatCircle.EARTH_RADIUS_METERS * Math.PI / 180, GreatCircle.meters(0, 0, 1, 0), 1e-6);
    }

    @Test
    void theAntimeridianIsNoWall() {
        assertEquals(GreatCircle.meters(0, -0.5, 0, 0.5), GreatCircle.meters(0, 179.5, 0, -179.5), 1e-6);
    }

    @Test
    void poleToPoleIsHalfTheCircumference() {
        assertEquals(Math.PI * GreatCircle.EARTH_RADIUS_METERS, GreatCircle.meters(90, 0, -90, 0), 1e-6);
    }

    @Test
    void everyMeridianMeetsAtThePole() {
        assertEquals(0, GreatCircle.meters(90, 10, 90, -170), 1e-6);
    }

    @Test
    void turinToMilanIsAbout126Kilometres() {
        assertEquals(125_800, GreatCircle.meters(45.0703, 7.6869, 45.4642, 9.19), 500);
    }
}
