package parking.slots;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import parking.geo.Circle;
import parking.paging.Page;
import parking.paging.PageRequest;

/**
 * The nearby search: every slot of the index cells covering the circle, kept when its distance
 * is within the radius and it passes the other filters, ordered by distance then id, a page at
 * a time. Exact by construction: the covering holds the cell of every point of the circle
 * ({@link parking.geo.GeoCells}), and the haversine decides.
 */
final class NearbySearch {

    private static final Comparator<Ranked> NEAREST_FIRST =
            Comparator.comparingDouble(Ranked::meters).thenComparingLong(ranked -> ranked.entry().getId());

    /** An index entry and its distance from the center. */
    private record Ranked(SlotItem entry, double meters) {
    }

    private NearbySearch() {
    }

    /**
     * @param cell the nearby index's entries of one cell (id, coordinates, occupancy, reservation end, owner;
     *     no sensor attribute, so an entry is only a candidate: see {@link SlotFilter#mayAdmit})
     * @param slots reads slots by id from the table (see {@link SlotPages#confirm})
     */
    static Page<NearbySlot> page(SlotFilter filter, PageRequest page, Moment at,
            Function<String, List<SlotItem>> cell, Function<List<Long>, Map<Long, SlotItem>> slots) {
        Circle circle = filter.near().orElseThrow(() -> new IllegalArgumentException("a nearby search needs a circle"));
        List<Ranked> ranked = new ArrayList<>();
        for (String name : circle.cells()) {
            for (SlotItem entry : cell.apply(name)) {
                double meters = circle.metersTo(entry.getLatitude().doubleValue(), entry.getLongitude().doubleValue());
                if (meters <= circle.radiusMeters() && filter.mayAdmit(entry, at) && isAfter(page, meters, entry.getId())) {
                    ranked.add(new Ranked(entry, meters));
                }
            }
        }
        ranked.sort(NEAREST_FIRST);
        List<NearbySlot> found = SlotPages.confirm(ranked.iterator(), r -> r.entry().getId(),
                        (r, slot) -> filter.admits(slot, at) && sameCoordinates(r.entry(), slot), page.limit() + 1, slots)
                .stream()
                .map(confirmed -> new NearbySlot(confirmed.slot().toSlot(at), confirmed.candidate().meters()))
                .toList();
        return Page.cut(found, page.limit(), last -> PageRequest.cursorAfter(last.meters(), last.slot().id()));
    }

    private static boolean isAfter(PageRequest page, double meters, long id) {
        if (page.afterMeters().isEmpty()) {
            return true;
        }
        double after = page.afterMeters().getAsDouble();
        return meters > after || (meters == after && id > page.afterId());
    }

    /** A slot moved since the index saw it would be ranked by where it was: it is left out. */
    private static boolean sameCoordinates(SlotItem entry, SlotItem slot) {
        return entry.getLatitude().compareTo(slot.getLatitude()) == 0
                && entry.getLongitude().compareTo(slot.getLongitude()) == 0;
    }
}
