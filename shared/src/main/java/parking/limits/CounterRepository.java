package parking.limits;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import parking.db.BatchReads;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * The abuse counters' table: one item per counter, keyed by {@code pk} ({@link ClientKeys}), with
 * {@code count}, {@code window_end} (epoch milliseconds, decided in code) and {@code expires_at}
 * (epoch seconds, the table's TTL attribute in {@code template.yaml}, so that counters go away by
 * themselves). Reads are strongly consistent, so a failure counted an instant ago is seen by the
 * next attempt. Each count is one atomic {@code UpdateItem}, conditional on the state of the
 * window, so simultaneous counts are never lost: DynamoDB applies writes to one item one at a time.
 */
public final class CounterRepository {

    /** The TTL attribute: {@code template.yaml} names it in the table's {@code TimeToLiveSpecification}. */
    public static final String EXPIRES_AT = "expires_at";

    private static final String KEY = "pk";
    /** {@code count} is a DynamoDB reserved word, so expressions name it through {@code #count}. */
    private static final Map<String, String> NAMES = Map.of("#count", "count");
    /** Each round either counts or finds the window changed by another writer; a third change in a row is not a real race. */
    private static final int COUNT_ATTEMPTS = 4;

    /**
     * Adds one to an open window, or makes a window at the first count: a new item, or an item
     * whose window is open. A closed window fails the condition and is restarted instead.
     */
    private static final String ADD = "ADD #count :one SET window_end = if_not_exists(window_end, :end), "
            + EXPIRES_AT + " = if_not_exists(" + EXPIRES_AT + ", :expires)";
    private static final String ADD_CONDITION = "attribute_not_exists(pk) OR window_end > :now";
    /** Opens a new window with this count as its first, only while no window is open. */
    private static final String RESTART = "SET #count = :one, window_end = :end, " + EXPIRES_AT + " = :expires";
    private static final String RESTART_CONDITION = "attribute_not_exists(pk) OR window_end <= :now";

    private final DynamoDbClient client;
    private final String tableName;

    public CounterRepository(DynamoDbClient client, String tableName) {
        this.client = client;
        this.tableName = tableName;
    }

    /**
     * The counters stored under {@code keys}, in one request: a GetItem for one key, a BatchGetItem
     * for more ({@link BatchReads}, which asks again for keys left unread under throttling). Keys
     * without an item are absent from the answer.
     *
     * @throws software.amazon.awssdk.core.exception.SdkClientException when DynamoDB keeps leaving
     *     keys unread: the database is unavailable (503)
     */
    Map<String, Counter> read(List<String> keys) {
        Map<String, Counter> counters = new HashMap<>();
        if (keys.size() == 1) {
            Map<String, AttributeValue> item = client.getItem(b -> b.tableName(tableName).key(key(keys.getFirst())).consistentRead(true)).item();
            if (item != null && !item.isEmpty()) {
                counters.put(keys.getFirst(), counter(item));
            }
            return counters;
        }
        KeysAndAttributes batch = KeysAndAttributes.builder()
                .keys(keys.stream().map(CounterRepository::key).toList())
                .consistentRead(true)
                .build();
        BatchReads.items(client, tableName, batch).forEach(item -> counters.put(item.get(KEY).s(), counter(item)));
        return counters;
    }

    /**
     * Counts one event at {@code now}: one more in the open window, or the first of a new window
     * of {@code window} when none is open. {@code seen} is the counter as the request read it: a
     * closed window goes straight to its restart, so the usual case is one write, and only a
     * concurrent change of the window costs another.
     *
     * @return the count in the window after this event
     */
    long count(String key, Instant now, Duration window, Optional<Counter> seen) {
        boolean restart = seen.isPresent() && !seen.get().isOpenAt(now);
        Instant end = now.plus(window);
        Map<String, AttributeValue> values = Map.of(
                ":one", AttributeValue.fromN("1"),
                ":now", millis(now),
                ":end", millis(end),
                // Whole seconds, as TTL wants, rounded up: never deleted while its window is open.
                ":expires", AttributeValue.fromN(Long.toString(end.getEpochSecond() + (end.getNano() > 0 ? 1 : 0))));
        for (int attempt = 0; attempt < COUNT_ATTEMPTS; attempt++) {
            try {
                return restart ? restart(key, values) : add(key, values);
            } catch (ConditionalCheckFailedException windowChanged) {
                // Another request opened the window (then add to it) or it closed meanwhile (then restart it).
                restart = !restart;
            }
        }
        throw new IllegalStateException("the counter's window changed on every attempt");
    }

    /** Forgets a counter (a successful login clears its pair's failures). */
    void clear(String key) {
        client.deleteItem(b -> b.tableName(tableName).key(key(key)));
    }

    private long add(String key, Map<String, AttributeValue> values) {
        Map<String, AttributeValue> updated = client.updateItem(b -> b.tableName(tableName).key(key(key))
                        .updateExpression(ADD)
                        .conditionExpression(ADD_CONDITION)
                        .expressionAttributeNames(NAMES)
                        .expressionAttributeValues(values)
                        .returnValues(ReturnValue.UPDATED_NEW))
                .attributes();
        return Long.parseLong(updated.get("count").n());
    }

    private long restart(String key, Map<String, AttributeValue> values) {
        client.updateItem(b -> b.tableName(tableName).key(key(key))
                .updateExpression(RESTART)
                .conditionExpression(RESTART_CONDITION)
                .expressionAttributeNames(NAMES)
                .expressionAttributeValues(values));
        return 1;
    }

    private static Counter counter(Map<String, AttributeValue> item) {
        return new Counter(Long.parseLong(item.get("count").n()), Instant.ofEpochMilli(Long.parseLong(item.get("window_end").n())));
    }

    private static Map<String, AttributeValue> key(String key) {
        return Map.of(KEY, AttributeValue.fromS(key));
    }

    private static AttributeValue millis(Instant instant) {
        return AttributeValue.fromN(Long.toString(instant.toEpochMilli()));
    }
}
