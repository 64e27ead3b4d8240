package parking.slots;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * Turns the candidates an index gives, in the list's order, into the slots of a page. The
 * indexes hold keys and a few fields only, so the slots are read from the table in batches;
 * each is checked again there, because an index lags its table a little (a slot deleted,
 * occupied or moved an instant ago is left out rather than shown as the index remembers it).
 */
final class SlotPages {

    /** BatchGetItem takes at most 100 keys a call (DynamoDB API reference, BatchGetItem). */
    static final int BATCH = 100;

    /** A candidate and its slot as the table holds it. */
    record Confirmed<C>(C candidate, SlotItem slot) {
    }

    private SlotPages() {
    }

    /** One ascending sequence of the ascending sequences given (the listing shards), read lazily. */
    static Iterator<Long> ascending(List<Iterator<Long>> sequences) {
        PriorityQueue<Head> heads = new PriorityQueue<>(Comparator.comparingLong(Head::id));
        for (Iterator<Long> sequence : sequences) {
            if (sequence.hasNext()) {
                heads.add(new Head(sequence.next(), sequence));
            }
        }
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return !heads.isEmpty();
            }

            @Override
            public Long next() {
                Head head = heads.remove();
                if (head.rest().hasNext()) {
                    heads.add(new Head(head.rest().next(), head.rest()));
                }
                return head.id();
            }
        };
    }

    private record Head(long id, Iterator<Long> rest) {
    }

    /**
     * The first {@code wanted} candidates whose slot still {@code holds}, in the candidates'
     * order, reading only as many slots as needed.
     *
     * @param slots reads slots by id, in one batch of at most {@value #BATCH}; absent ids are gone
     */
    static <C> List<Confirmed<C>> confirm(Iterator<C> candidates, ToLongFunction<C> id, BiPredicate<C, SlotItem> holds,
            int wanted, Function<List<Long>, Map<Long, SlotItem>> slots) {
        List<Confirmed<C>> confirmed = new ArrayList<>();
        while (confirmed.size() < wanted && candidates.hasNext()) {
            List<C> batch = new ArrayList<>();
            while (batch.size() < Math.min(BATCH, wanted - confirmed.size()) && candidates.hasNext()) {
                batch.add(candidates.next());
            }
            Map<Long, SlotItem> read = slots.apply(batch.stream().map(id::applyAsLong).toList());
            for (C candidate : batch) {
                SlotItem slot = read.get(id.applyAsLong(candidate));
                if (slot != null && holds.test(candidate, slot)) {
                    confirmed.add(new Confirmed<>(candidate, slot));
                }
            }
        }
        return confirmed;
    }
}
