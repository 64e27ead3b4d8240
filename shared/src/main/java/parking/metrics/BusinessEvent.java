package parking.metrics;

/** The business events counted as CloudWatch metrics, named as they appear there. */
public enum BusinessEvent {
    USER_CREATED("UserCreated"),
    LOGIN_FAILED("LoginFailed"),
    SLOT_OCCUPIED("SlotOccupied"),
    RESERVATION_MADE("ReservationMade"),
    RESERVATION_REFUSED("ReservationRefused"),
    /** A login or registration refused by an abuse limit (429): an attack in progress shows here. */
    ABUSE_LIMIT_REFUSED("AbuseLimitRefused");

    private final String metricName;

    BusinessEvent(String metricName) {
        this.metricName = metricName;
    }

    public String metricName() {
        return metricName;
    }
}
