package parking.metrics;

/** The business events counted as CloudWatch metrics, named as they appear there. */
public enum BusinessEvent {
    USER_CREATED("UserCreated"),
    LOGIN_FAILED("LoginFailed"),
    SLOT_OCCUPIED("SlotOccupied"),
    RESERVATION_MADE("ReservationMade"),
    RESERVATION_REFUSED("ReservationRefused");

    private final String metricName;

    BusinessEvent(String metricName) {
        this.metricName = metricName;
    }

    public String metricName() {
        return metricName;
    }
}
