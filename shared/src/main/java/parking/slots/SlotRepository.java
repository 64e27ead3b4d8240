package parking.slots;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondarySortKey;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import parking.db.BatchReads;
import parking.db.IdCounter;
import parking.paging.Page;
import parking.paging.PageRequest;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbIndex;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.DeleteItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.GetItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * The slots table: one item per slot keyed by its numeric {@code id}, plus the id counter item
 * ({@value #COUNTER_ID}, an id no slot has). Three indexes, all sorted by {@code id} and keyed
 * by {@link SlotKeys}: {@link SlotKeys#BY_CELL} for the nearby search (projecting only what its
 * filters read), and the keys-only {@link SlotKeys#BY_OWNER} and {@link SlotKeys#BY_LISTING}.
 * Lists read ids (and candidates) from an index, then the slots from the table in batches
 * ({@link SlotPages}). Why this shape, and what each write costs: docs/DATA-MODEL.md.
 *
 * <p>Every change is one conditional single-item write: DynamoDB applies it atomically, so rules
 * that depend on the stored state (ownership, a free slot, an active reservation) hold under any
 * concurrency without transactions (which dynalite lacks). A reservation is active while
 * {@code reserved_until} (epoch seconds) is after now; the conditions compare it with the
 * caller's clock, so an expired reservation counts as none without any cleanup job.
 */
public final class SlotRepository {

    private static final long COUNTER_ID = 0;
    /** Tries of a move that sends one coordinate, when the other changes between the read and the write. */
    private static final int MOVE_ATTEMPTS = 5;

    private static final String NOT_RESERVED = "attribute_not_exists(#reserved_until) OR #reserved_until <= :now";
    private static final Pattern ATTRIBUTE_NAME = Pattern.compile("#([a-z_]+)");

    /** Coordinates as the schema writes them, for the update expressions' values too. */
    private static final PlainDecimalConverter PLAIN_DECIMAL = new PlainDecimalConverter();

    private static final TableSchema<SlotItem> SCHEMA = StaticTableSchema.builder(SlotItem.class)
            .newItemSupplier(SlotItem::new)
            .addAttribute(Long.class, a -> a.name("id").getter(SlotItem::getId).setter(SlotItem::setId)
                    .tags(primaryPartitionKey(), secondarySortKey(List.of(SlotKeys.BY_CELL, SlotKeys.BY_OWNER, SlotKeys.BY_LISTING))))
            .addAttribute(String.class, a -> a.name("cell").getter(SlotItem::getCell).setter(SlotItem::setCell)
                    .tags(secondaryPartitionKey(SlotKeys.BY_CELL)))
            .addAttribute(Long.class, a -> a.name("owner_id").getter(SlotItem::getOwnerId).setter(SlotItem::setOwnerId)
                    .tags(secondaryPartitionKey(SlotKeys.BY_OWNER)))
            .addAttribute(String.class, a -> a.name("listing").getter(SlotItem::getListing).setter(SlotItem::setListing)
                    .tags(secondaryPartitionKey(SlotKeys.BY_LISTING)))
            .addAttribute(String.class, a -> a.name("name").getter(SlotItem::getName).setter(SlotItem::setName))
            .addAttribute(BigDecimal.class, a -> a.name("latitude").getter(SlotItem::getLatitude).setter(SlotItem::setLatitude)
                    .attributeConverter(PLAIN_DECIMAL))
            .addAttribute(BigDecimal.class, a -> a.name("longitude").getter(SlotItem::getLongitude).setter(SlotItem::setLongitude)
                    .attributeConverter(PLAIN_DECIMAL))
            .addAttribute(Boolean.class, a -> a.name("occupied").getter(SlotItem::getOccupied).setter(SlotItem::setOccupied))
            .addAttribute(Long.class, a -> a.name("reserved_by").getter(SlotItem::getReservedBy).setter(SlotItem::setReservedBy))
            .addAttribute(Long.class, a -> a.name("reserved_until").getter(SlotItem::getReservedUntil)
                    .setter(SlotItem::setReservedUntil))
            .addAttribute(String.class, a -> a.name("updated_at").getter(SlotItem::getUpdatedAt).setter(SlotItem::setUpdatedAt))
            .addAttribute(Long.class, a -> a.name("sensor_issued_at").getter(SlotItem::getSensorIssuedAt)
                    .setter(SlotItem::setSensorIssuedAt))
            .addAttribute(Long.class, a -> a.name("sensor_observed_at").getter(SlotItem::getSensorObservedAt)
                    .setter(SlotItem::setSensorObservedAt))
            .addAttribute(Long.class, a -> a.name("sensor_reported_at").getter(SlotItem::getSensorReportedAt)
                    .setter(SlotItem::setSensorReportedAt))
            .build();

    private final DynamoDbClient client;
    private final String tableName;
    private final IdCounter ids;
    private final DynamoDbTable<SlotItem> table;
    private final DynamoDbIndex<SlotItem> byCell;
    private final DynamoDbIndex<SlotItem> byOwner;
    private final DynamoDbIndex<SlotItem> byListing;

    public SlotRepository(DynamoDbClient client, DynamoDbEnhancedClient enhanced, String tableName) {
        this.client = client;
        this.tableName = tableName;
        this.ids = new IdCounter(client, tableName, Map.of("id", number(COUNTER_ID)));
        this.table = enhanced.table(tableName, SCHEMA);
        this.byCell = table.index(SlotKeys.BY_CELL);
        this.byOwner = table.index(SlotKeys.BY_OWNER);
        this.byListing = table.index(SlotKeys.BY_LISTING);
    }

    /** Creates the slot with the next id, owned by {@code ownerId}. */
    public Slot create(long ownerId, NewSlot slot, Moment at) {
        SlotItem item = new SlotItem();
        item.setId(ids.next());
        item.setCell(SlotKeys.cell(slot.latitude(), slot.longitude()));
        item.setListing(SlotKeys.listing(item.getId()));
        item.setOwnerId(ownerId);
        item.setName(slot.name());
        item.setLatitude(slot.latitude());
        item.setLongitude(slot.longitude());
        item.setOccupied(slot.occupied());
        item.setUpdatedAt(Slot.timestamp(at.now()));
        // "OR owner_id = :owner": only this request holds its fresh id, so when the SDK retries a
        // put whose first answer was lost, the retry rewrites the same item instead of failing.
        table.putItem(PutItemEnhancedRequest.builder(SlotItem.class)
                .item(item)
                .conditionExpression(expression("attribute_not_exists(#id) OR #owner_id = :owner", Map.of(":owner", number(ownerId))))
                .build());
        return item.toSlot(at);
    }

    /** Strongly consistent, so a client reads its own writes. */
    public Optional<Slot> find(long id, Moment at) {
        return stored(id).map(found -> found.toSlot(at));
    }

    /** The item as stored, strongly consistent: what a refused write is explained from. */
    Optional<SlotItem> stored(long id) {
        return Optional.ofNullable(table.getItem(GetItemEnhancedRequest.builder().key(key(id)).consistentRead(true).build()));
    }

    /**
     * The slot a stored item shows at {@code at}, for the other writers of this table's items
     * ({@code parking.sensors}), which get items back from their own UpdateItem calls.
     */
    public static Slot slotOf(Map<String, AttributeValue> item, Moment at) {
        return SCHEMA.mapToItem(item).toSlot(at);
    }

    /**
     * One page in id order: ids from the owner's index, or merged from every listing shard, then
     * the slots themselves, kept when they pass the filter. A page of a filter few slots pass
     * reads many slots: see docs/DATA-MODEL.md for what it costs.
     */
    public Page<Slot> list(SlotFilter filter, PageRequest page, Moment at) {
        int wanted = page.limit() + 1;
        Iterator<Long> ids = filter.ownerId()
                .map(owner -> idsAfter(byOwner, Key.builder().partitionValue(owner), page.afterId(), wanted))
                .orElseGet(() -> SlotPages.ascending(SlotKeys.LISTINGS.stream()
                        .map(listing -> idsAfter(byListing, Key.builder().partitionValue(listing), page.afterId(), wanted))
                        .toList()));
        List<Slot> slots = SlotPages.confirm(ids, Long::longValue, (id, slot) -> filter.admits(slot, at), wanted, this::read)
                .stream()
                .map(confirmed -> confirmed.slot().toSlot(at))
                .toList();
        return Page.of(slots, page.limit(), Slot::id);
    }

    /** One page of the slots within {@code filter.near()}, nearest first (see {@link NearbySearch}). */
    public Page<NearbySlot> nearby(SlotFilter filter, PageRequest page, Moment at) {
        return NearbySearch.page(filter, page, at, this::cellEntries, this::read);
    }

    private static Iterator<Long> idsAfter(DynamoDbIndex<SlotItem> index, Key.Builder partition, long afterId, int wanted) {
        return index.query(QueryEnhancedRequest.builder()
                        .queryConditional(QueryConditional.sortGreaterThan(partition.sortValue(afterId).build()))
                        .limit(wanted)
                        .build())
                .stream()
                .flatMap(result -> result.items().stream())
                .map(SlotItem::getId)
                .iterator();
    }

    private List<SlotItem> cellEntries(String cell) {
        return byCell.query(QueryEnhancedRequest.builder()
                        .queryConditional(QueryConditional.keyEqualTo(Key.builder().partitionValue(cell).build()))
                        .build())
                .stream()
                .flatMap(result -> result.items().stream())
                .toList();
    }

    /**
     * The slots with these ids (at most {@value SlotPages#BATCH}), eventually consistent like the
     * index they were found in; keys DynamoDB leaves unprocessed are read as {@link BatchReads} does.
     */
    private Map<Long, SlotItem> read(List<Long> slotIds) {
        Map<Long, SlotItem> found = new HashMap<>();
        if (slotIds.isEmpty()) {
            return found;
        }
        KeysAndAttributes keys = KeysAndAttributes.builder()
                .keys(slotIds.stream().map(id -> Map.of("id", number(id))).toList())
                .build();
        for (Map<String, AttributeValue> attributes : BatchReads.items(client, tableName, keys)) {
            SlotItem slot = SCHEMA.mapToItem(attributes);
            found.put(slot.getId(), slot);
        }
        return found;
    }

    /**
     * Writes only the given fields and {@code updated_at}, if {@code callerId} owns the slot.
     * {@code occupied=true} also ends any reservation. A move writes the slot's new cell in the
     * same write; when only one coordinate is sent, the other is read first and the write
     * requires it unchanged, trying again when a concurrent move changed it.
     *
     * @return the slot after the change; empty when there is no such slot or the caller does not own it
     */
    public Optional<Slot> update(long id, long callerId, SlotChanges changes, Moment at) {
        if (changes.latitude().isPresent() == changes.longitude().isPresent()) {
            Optional<String> cell = changes.latitude().map(latitude -> SlotKeys.cell(latitude, changes.longitude().orElseThrow()));
            return write(id, callerId, changes, cell, Optional.empty(), at);
        }
        for (int attempt = 0; attempt < MOVE_ATTEMPTS; attempt++) {
            SlotItem stored = table.getItem(GetItemEnhancedRequest.builder().key(key(id)).consistentRead(true).build());
            if (stored == null || stored.getOwnerId() != callerId) {
                return Optional.empty();
            }
            BigDecimal latitude = changes.latitude().orElse(stored.getLatitude());
            BigDecimal longitude = changes.longitude().orElse(stored.getLongitude());
            Map.Entry<String, BigDecimal> unchanged = changes.latitude().isPresent()
                    ? Map.entry("longitude", stored.getLongitude())
                    : Map.entry("latitude", stored.getLatitude());
            Optional<Slot> written = write(id, callerId, changes, Optional.of(SlotKeys.cell(latitude, longitude)), Optional.of(unchanged), at);
            if (written.isPresent()) {
                return written;
            }
        }
        throw SdkClientException.create("slot " + id + " kept moving during " + MOVE_ATTEMPTS + " attempts to move it");
    }

    private Optional<Slot> write(long id, long callerId, SlotChanges changes, Optional<String> cell,
            Optional<Map.Entry<String, BigDecimal>> unchanged, Moment at) {
        List<String> set = new ArrayList<>();
        Map<String, AttributeValue> values = new LinkedHashMap<>();
        BiConsumer<String, AttributeValue> assign = (attribute, value) -> {
            set.add("#" + attribute + " = :" + attribute);
            values.put(":" + attribute, value);
        };
        assign.accept("updated_at", AttributeValue.fromS(Slot.timestamp(at.now())));
        changes.name().ifPresent(name -> assign.accept("name", AttributeValue.fromS(name)));
        changes.latitude().ifPresent(latitude -> assign.accept("latitude", PLAIN_DECIMAL.transformFrom(latitude)));
        changes.longitude().ifPresent(longitude -> assign.accept("longitude", PLAIN_DECIMAL.transformFrom(longitude)));
        cell.ifPresent(name -> assign.accept("cell", AttributeValue.fromS(name)));
        changes.occupied().ifPresent(occupied -> assign.accept("occupied", AttributeValue.fromBool(occupied)));
        values.put(":caller", number(callerId));
        String condition = "#owner_id = :caller";
        if (unchanged.isPresent()) {
            condition += " AND #" + unchanged.get().getKey() + " = :unchanged";
            values.put(":unchanged", PLAIN_DECIMAL.transformFrom(unchanged.get().getValue()));
        }
        // A slot taken ends any reservation of it.
        String remove = changes.occupied().orElse(false) ? " REMOVE #reserved_by, #reserved_until" : "";
        String update = "SET " + String.join(", ", set) + remove;
        return updateIf(id, update, condition, values).map(item -> item.toSlot(at));
    }

    /**
     * Reserves the slot for {@code callerId} until {@code until}, if it is not occupied and has
     * no reservation active at {@code now} by someone else (the holder extends its own).
     *
     * @return the reserved slot; empty when there is no such slot or it is unavailable
     */
    public Optional<Slot> reserve(long id, long callerId, Instant until, Moment at) {
        Instant now = at.now();
        Map<String, AttributeValue> values = Map.of(
                ":caller", number(callerId),
                ":until", number(until.getEpochSecond()),
                ":now", number(now.getEpochSecond()),
                ":updated_at", AttributeValue.fromS(Slot.timestamp(now)),
                ":false", AttributeValue.fromBool(false));
        return updateIf(id,
                "SET #reserved_by = :caller, #reserved_until = :until, #updated_at = :updated_at",
                "attribute_exists(#id) AND #occupied = :false AND (" + NOT_RESERVED + " OR #reserved_by = :caller)",
                values)
                .map(item -> item.toSlot(at));
    }

    /**
     * Ends the reservation active at {@code now}, if {@code callerId} holds it or owns the slot.
     *
     * @return false when there is no such slot, no active reservation, or the caller may not end it
     */
    public boolean release(long id, long callerId, Instant now) {
        Map<String, AttributeValue> values = Map.of(
                ":caller", number(callerId),
                ":now", number(now.getEpochSecond()),
                ":updated_at", AttributeValue.fromS(Slot.timestamp(now)));
        return updateIf(id,
                "REMOVE #reserved_by, #reserved_until SET #updated_at = :updated_at",
                "#reserved_until > :now AND (#reserved_by = :caller OR #owner_id = :caller)",
                values)
                .isPresent();
    }

    /**
     * A conditional update of a slot that does not exist, which DynamoDB refuses: the client's
     * write path (SnapStart priming) without writing anything, needing only UpdateItem.
     */
    public void probeWrite() {
        updateIf(Long.MAX_VALUE, "SET #updated_at = :updated_at", "attribute_exists(#id)",
                Map.of(":updated_at", AttributeValue.fromS("priming")));
    }

    /** @return false when there is no such slot or {@code callerId} does not own it */
    public boolean delete(long id, long callerId) {
        try {
            table.deleteItem(DeleteItemEnhancedRequest.builder()
                    .key(key(id))
                    .conditionExpression(expression("#owner_id = :caller", Map.of(":caller", number(callerId))))
                    .build());
            return true;
        } catch (ConditionalCheckFailedException refused) {
            return false;
        }
    }

    /** One conditional UpdateItem; empty when the condition did not hold (nothing was written). */
    private Optional<SlotItem> updateIf(long id, String update, String condition, Map<String, AttributeValue> values) {
        try {
            Map<String, AttributeValue> attributes = client.updateItem(UpdateItemRequest.builder()
                            .tableName(tableName)
                            .key(Map.of("id", number(id)))
                            .updateExpression(update)
                            .conditionExpression(condition)
                            .expressionAttributeNames(namesIn(update + " " + condition))
                            .expressionAttributeValues(values)
                            .returnValues(ReturnValue.ALL_NEW)
                            .build())
                    .attributes();
            return Optional.of(SCHEMA.mapToItem(attributes));
        } catch (ConditionalCheckFailedException refused) {
            return Optional.empty();
        }
    }

    private static Expression expression(String text, Map<String, AttributeValue> values) {
        Expression.Builder expression = Expression.builder().expression(text).expressionNames(namesIn(text));
        if (!values.isEmpty()) {
            // DynamoDB rejects an empty map of values.
            expression.expressionValues(values);
        }
        return expression.build();
    }

    /**
     * Every attribute in an expression is written {@code #attribute} (several, like {@code name},
     * are reserved words); this maps exactly those used, as DynamoDB rejects unused names.
     */
    public static Map<String, String> namesIn(String text) {
        Map<String, String> names = new LinkedHashMap<>();
        Matcher matcher = ATTRIBUTE_NAME.matcher(text);
        while (matcher.find()) {
            names.put(matcher.group(), matcher.group(1));
        }
        return names;
    }

    private static Key key(long id) {
        return Key.builder().partitionValue(id).build();
    }

    private static AttributeValue number(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
