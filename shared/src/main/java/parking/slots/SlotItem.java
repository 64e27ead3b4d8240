package parking.slots;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/**
 * The slots table's item, mapped by the static schema in {@link SlotRepository}. The sensor's
 * times (epoch milliseconds) are set by {@code parking.sensors}; a slot written before sensors
 * existed has none of them, which reads as a slot without a key. The key's hash is in the item
 * but deliberately not mapped here: nothing that shows a slot ever holds it.
 */
public final class SlotItem {

    private Long id;
    private String listing;
    private Long ownerId;
    private String cell;
    private String name;
    private BigDecimal latitude;
    private BigDecimal longitude;
    private Boolean occupied;
    private Long reservedBy;
    private Long reservedUntil;
    private String updatedAt;
    private Long sensorIssuedAt;
    private Long sensorObservedAt;
    private Long sensorReportedAt;

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public String getListing() {
        return listing;
    }

    public void setListing(String listing) {
        this.listing = listing;
    }

    public Long getOwnerId() {
        return ownerId;
    }

    public void setOwnerId(Long ownerId) {
        this.ownerId = ownerId;
    }

    public String getCell() {
        return cell;
    }

    public void setCell(String cell) {
        this.cell = cell;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public BigDecimal getLatitude() {
        return latitude;
    }

    public void setLatitude(BigDecimal latitude) {
        this.latitude = latitude;
    }

    public BigDecimal getLongitude() {
        return longitude;
    }

    public void setLongitude(BigDecimal longitude) {
        this.longitude = longitude;
    }

    public Boolean getOccupied() {
        return occupied;
    }

    public void setOccupied(Boolean occupied) {
        this.occupied = occupied;
    }

    public Long getReservedBy() {
        return reservedBy;
    }

    public void setReservedBy(Long reservedBy) {
        this.reservedBy = reservedBy;
    }

    public Long getReservedUntil() {
        return reservedUntil;
    }

    public void setReservedUntil(Long reservedUntil) {
        this.reservedUntil = reservedUntil;
    }

    public String getUpdatedAt() {
        return updatedAt;
    }

    public void setUpdatedAt(String updatedAt) {
        this.updatedAt = updatedAt;
    }

    public Long getSensorIssuedAt() {
        return sensorIssuedAt;
    }

    public void setSensorIssuedAt(Long sensorIssuedAt) {
        this.sensorIssuedAt = sensorIssuedAt;
    }

    public Long getSensorObservedAt() {
        return sensorObservedAt;
    }

    public void setSensorObservedAt(Long sensorObservedAt) {
        this.sensorObservedAt = sensorObservedAt;
    }

    public Long getSensorReportedAt() {
        return sensorReportedAt;
    }

    public void setSensorReportedAt(Long sensorReportedAt) {
        this.sensorReportedAt = sensorReportedAt;
    }

    /** A reservation ending after {@code now}; one that has ended counts as none. */
    boolean reservedAt(Instant now) {
        return reservedUntil != null && reservedUntil > now.getEpochSecond();
    }

    /**
     * The status at {@code at}. Silence is counted from the last applied report or, before the
     * first one, from the key's issue; a slot without a key is never silent.
     */
    SlotStatus statusAt(Moment at) {
        boolean silent = sensorIssuedAt != null
                && at.silentSince(Instant.ofEpochMilli(sensorReportedAt != null ? sensorReportedAt : sensorIssuedAt));
        return SlotStatus.of(silent, Boolean.TRUE.equals(occupied), reservedAt(at.now()));
    }

    /** The slot as it is at {@code at}: a reservation that has ended is left out. */
    Slot toSlot(Moment at) {
        Optional<Slot.Reservation> reservation = reservedBy != null && reservedAt(at.now())
                ? Optional.of(new Slot.Reservation(reservedBy, Instant.ofEpochSecond(reservedUntil)))
                : Optional.empty();
        Optional<Slot.Sensor> sensor = Optional.ofNullable(sensorIssuedAt).map(issued -> new Slot.Sensor(
                Optional.ofNullable(sensorObservedAt).map(Instant::ofEpochMilli),
                Optional.ofNullable(sensorReportedAt).map(Instant::ofEpochMilli)));
        return new Slot(id, name, latitude, longitude, occupied, ownerId, reservation, Instant.parse(updatedAt),
                statusAt(at), sensor);
    }
}
