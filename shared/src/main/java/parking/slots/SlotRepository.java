package parking.slots;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondarySortKey;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import parking.db.IdCounter;
import parking.http.Page;
import parking.http.PageRequest;
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
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * The slots table: one item per slot keyed by its numeric {@code id}, plus the id counter item
 * ({@value #COUNTER_ID}, an id no slot has). Three indexes, all sorted by {@code id} and
 * projecting the whole item, serve the lists without a scan: {@value #BY_ID} (every slot, on the
 * constant {@code listing}), {@value #BY_OWNER} (one owner's slots) and the sparse
 * {@value #UNOCCUPIED} (only slots whose {@code unoccupied} marker is set, i.e. not occupied).
 *
 * <p>Every change is one conditional single-item write: DynamoDB applies it atomically, so rules
 * that depend on the stored state (ownership, a free slot, an active reservation) hold under any
 * concurrency without transactions (which dynalite lacks). A reservation is active while
 * {@code reserved_until} (epoch seconds) is after now; the conditions compare it with the
 * caller's clock, so an expired reservation counts as none without any cleanup job.
 */
public final class SlotRepository {

    public static final String BY_ID = "SlotsById";
    public static final String BY_OWNER = "SlotsByOwner";
    public static final String UNOCCUPIED = "UnoccupiedSlotsById";
    private static final String LISTING = "slot";
    private static final long COUNTER_ID = 0;

    private static final String NOT_RESERVED = "attribute_not_exists(#reserved_until) OR #reserved_until <= :now";
    private static final String AVAILABLE = "#occupied = :false AND (" + NOT_RESERVED + ")";
    private static final String UNAVAILABLE = "#occupied = :true OR #reserved_until > :now";
    private static final Pattern ATTRIBUTE_NAME = Pattern.compile("#([a-z_]+)");

    private static final TableSchema<SlotItem> SCHEMA = StaticTableSchema.builder(SlotItem.class)
            .newItemSupplier(SlotItem::new)
            .addAttribute(Long.class, a -> a.name("id").getter(SlotItem::getId).setter(SlotItem::setId)
                    .tags(primaryPartitionKey(), secondarySortKey(List.of(BY_ID, BY_OWNER, UNOCCUPIED))))
            .addAttribute(String.class, a -> a.name("listing").getter(SlotItem::getListing).setter(SlotItem::setListing)
                    .tags(secondaryPartitionKey(BY_ID)))
            .addAttribute(Long.class, a -> a.name("owner_id").getter(SlotItem::getOwnerId).setter(SlotItem::setOwnerId)
                    .tags(secondaryPartitionKey(BY_OWNER)))
            .addAttribute(String.class, a -> a.name("unoccupied").getter(SlotItem::getUnoccupied)
                    .setter(SlotItem::setUnoccupied).tags(secondaryPartitionKey(UNOCCUPIED)))
            .addAttribute(String.class, a -> a.name("name").getter(SlotItem::getName).setter(SlotItem::setName))
            .addAttribute(BigDecimal.class, a -> a.name("latitude").getter(SlotItem::getLatitude).setter(SlotItem::setLatitude)
                    .attributeConverter(new PlainDecimalConverter()))
            .addAttribute(BigDecimal.class, a -> a.name("longitude").getter(SlotItem::getLongitude).setter(SlotItem::setLongitude)
                    .attributeConverter(new PlainDecimalConverter()))
            .addAttribute(Boolean.class, a -> a.name("occupied").getter(SlotItem::getOccupied).setter(SlotItem::setOccupied))
            .addAttribute(Long.class, a -> a.name("reserved_by").getter(SlotItem::getReservedBy).setter(SlotItem::setReservedBy))
            .addAttribute(Long.class, a -> a.name("reserved_until").getter(SlotItem::getReservedUntil)
                    .setter(SlotItem::setReservedUntil))
            .addAttribute(String.class, a -> a.name("updated_at").getter(SlotItem::getUpdatedAt).setter(SlotItem::setUpdatedAt))
            .build();

    private final DynamoDbClient client;
    private final String tableName;
    private final IdCounter ids;
    private final DynamoDbTable<SlotItem> table;
    private final DynamoDbIndex<SlotItem> byId;
    private final DynamoDbIndex<SlotItem> byOwner;
    private final DynamoDbIndex<SlotItem> unoccupied;

    public SlotRepository(DynamoDbClient client, DynamoDbEnhancedClient enhanced, String tableName) {
        this.client = client;
        this.tableName = tableName;
        this.ids = new IdCounter(client, tableName, Map.of("id", number(COUNTER_ID)));
        this.table = enhanced.table(tableName, SCHEMA);
        this.byId = table.index(BY_ID);
        this.byOwner = table.index(BY_OWNER);
        this.unoccupied = table.index(UNOCCUPIED);
    }

    /** Creates the slot with the next id, owned by {@code ownerId}. */
    public Slot create(long ownerId, NewSlot slot, Instant now) {
        SlotItem item = new SlotItem();
        item.setId(ids.next());
        item.setListing(LISTING);
        item.setOwnerId(ownerId);
        item.setUnoccupied(slot.occupied() ? null : LISTING);
        item.setName(slot.name());
        item.setLatitude(slot.latitude());
        item.setLongitude(slot.longitude());
        item.setOccupied(slot.occupied());
        item.setUpdatedAt(Slot.timestamp(now));
        // "OR owner_id = :owner": only this request holds its fresh id, so when the SDK retries a
        // put whose first answer was lost, the retry rewrites the same item instead of failing.
        table.putItem(PutItemEnhancedRequest.builder(SlotItem.class)
                .item(item)
                .conditionExpression(expression("attribute_not_exists(#id) OR #owner_id = :owner", Map.of(":owner", number(ownerId))))
                .build());
        return item.toSlot(now);
    }

    /** Strongly consistent, so a client reads its own writes. */
    public Optional<Slot> find(long id, Instant now) {
        SlotItem item = table.getItem(GetItemEnhancedRequest.builder().key(key(id)).consistentRead(true).build());
        return Optional.ofNullable(item).map(found -> found.toSlot(now));
    }

    /**
     * One page in id order. A filter the index does not settle is applied by DynamoDB after
     * reading, so a query may return fewer items than asked; the SDK's paginator keeps querying
     * until the page and the one item proving a next page are found, or the index ends.
     */
    public Page<Slot> list(SlotFilter filter, PageRequest page, Instant now) {
        DynamoDbIndex<SlotItem> index;
        Key.Builder from = Key.builder().sortValue(page.afterId());
        Optional<Expression> condition = filter.available().map(available -> available
                ? expression(AVAILABLE, Map.of(":false", AttributeValue.fromBool(false), ":now", number(now.getEpochSecond())))
                : expression(UNAVAILABLE, Map.of(":true", AttributeValue.fromBool(true), ":now", number(now.getEpochSecond()))));
        if (filter.ownerId().isPresent()) {
            index = byOwner;
            from.partitionValue(filter.ownerId().get());
        } else if (filter.available().orElse(false)) {
            // The sparse index holds only unoccupied slots: just the actively reserved ones are left to drop.
            index = unoccupied;
            from.partitionValue(LISTING);
            condition = Optional.of(expression(NOT_RESERVED, Map.of(":now", number(now.getEpochSecond()))));
        } else {
            index = byId;
            from.partitionValue(LISTING);
        }
        QueryEnhancedRequest.Builder query = QueryEnhancedRequest.builder()
                .queryConditional(QueryConditional.sortGreaterThan(from.build()))
                .limit(page.limit() + 1);
        condition.ifPresent(query::filterExpression);
        List<Slot> fetched = index.query(query.build())
                .stream()
                .flatMap(result -> result.items().stream())
                .limit(page.limit() + 1L)
                .map(item -> item.toSlot(now))
                .toList();
        return Page.of(fetched, page.limit(), Slot::id);
    }

    /**
     * Writes only the given fields and {@code updated_at}, if {@code callerId} owns the slot.
     * {@code occupied=true} also ends any reservation and leaves the unoccupied index.
     *
     * @return the slot after the change; empty when there is no such slot or the caller does not own it
     */
    public Optional<Slot> update(long id, long callerId, SlotChanges changes, Instant now) {
        List<String> set = new ArrayList<>(List.of("#updated_at = :updated_at"));
        List<String> remove = new ArrayList<>();
        Map<String, AttributeValue> values = new LinkedHashMap<>();
        values.put(":updated_at", AttributeValue.fromS(Slot.timestamp(now)));
        values.put(":caller", number(callerId));
        changes.name().ifPresent(name -> {
            set.add("#name = :name");
            values.put(":name", AttributeValue.fromS(name));
        });
        changes.latitude().ifPresent(latitude -> {
            set.add("#latitude = :latitude");
            values.put(":latitude", AttributeValue.fromN(latitude.toPlainString()));
        });
        changes.longitude().ifPresent(longitude -> {
            set.add("#longitude = :longitude");
            values.put(":longitude", AttributeValue.fromN(longitude.toPlainString()));
        });
        changes.occupied().ifPresent(occupied -> {
            set.add("#occupied = :occupied");
            values.put(":occupied", AttributeValue.fromBool(occupied));
            if (occupied) {
                remove.addAll(List.of("#unoccupied", "#reserved_by", "#reserved_until"));
            } else {
                set.add("#unoccupied = :listing");
                values.put(":listing", AttributeValue.fromS(LISTING));
            }
        });
        String update = "SET " + String.join(", ", set) + (remove.isEmpty() ? "" : " REMOVE " + String.join(", ", remove));
        return updateIf(id, update, "#owner_id = :caller", values).map(item -> item.toSlot(now));
    }

    /**
     * Reserves the slot for {@code callerId} until {@code until}, if it is not occupied and has
     * no reservation active at {@code now} by someone else (the holder extends its own).
     *
     * @return the reserved slot; empty when there is no such slot or it is unavailable
     */
    public Optional<Slot> reserve(long id, long callerId, Instant until, Instant now) {
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
                .map(item -> item.toSlot(now));
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
    private static Map<String, String> namesIn(String text) {
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
