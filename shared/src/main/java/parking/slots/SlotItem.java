package parking.slots;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/** The slots table's item, mapped by the static schema in {@link SlotRepository}. */
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

    /** A reservation ending after {@code now}; one that has ended counts as none. */
    boolean reservedAt(Instant now) {
        return reservedUntil != null && reservedUntil > now.getEpochSecond();
    }

    /** Neither occupied nor actively reserved. */
    boolean availableAt(Instant now) {
        return !Boolean.TRUE.equals(occupied) && !reservedAt(now);
    }

    /** The slot as it is at {@code now}: a reservation that has ended is left out. */
    Slot toSlot(Instant now) {
        Optional<Slot.Reservation> reservation = reservedBy != null && reservedAt(now)
                ? Optional.of(new Slot.Reservation(reservedBy, Instant.ofEpochSecond(reservedUntil)))
                : Optional.empty();
        return new Slot(id, name, latitude, longitude, occupied, ownerId, reservation, Instant.parse(updatedAt));
    }
}
