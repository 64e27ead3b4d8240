package parking.slots;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import parking.geo.GeoCells;

/**
 * The slots table's index keys, derived from a slot's own fields. None is shared by every slot:
 * the keys sensor reports write to spread with geography (the cell), the others are per owner or
 * one of {@value #LISTING_SHARDS} listing shards. Why these: docs/DATA-MODEL.md.
 */
public final class SlotKeys {

    /** Index of the nearby search: partition {@code cell}, sort {@code id}. */
    public static final String BY_CELL = "SlotsByCell";
    /** One owner's slot ids: partition {@code owner_id}, sort {@code id}. */
    public static final String BY_OWNER = "SlotIdsByOwner";
    /** Every slot id, spread over the listing shards: partition {@code listing}, sort {@code id}. */
    public static final String BY_LISTING = "SlotIdsByListing";

    /**
     * Only creations and deletions write a listing shard, so a few suffice; each list page
     * queries all of them.
     */
    static final int LISTING_SHARDS = 8;
    /** The one listing value the first version gave every slot, still read until the backfill has run. */
    static final String LEGACY_LISTING = "slot";
    /** Every listing partition a full list reads: the shards and the first version's single value. */
    static final List<String> LISTINGS = Stream.concat(
            IntStream.range(0, LISTING_SHARDS).mapToObj(SlotKeys::listing), Stream.of(LEGACY_LISTING)).toList();

    private SlotKeys() {
    }

    /** The nearby index's partition of a slot at these coordinates. */
    public static String cell(BigDecimal latitude, BigDecimal longitude) {
        return GeoCells.cellOf(latitude.doubleValue(), longitude.doubleValue());
    }

    /** The listing shard of a slot id. */
    public static String listing(long id) {
        return LEGACY_LISTING + "#" + Math.floorMod(id, LISTING_SHARDS);
    }
}
