package parking.sensors;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import parking.slots.Moment;
import parking.slots.Slot;
import parking.slots.SlotRepository;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * A slot's sensor, kept in the slot's own item of the slots table: {@code sensor_key_hash}
 * (SHA-256 of the key, see {@link SensorKey}), {@code sensor_issued_at}, and the standing
 * report's {@code sensor_observed_at} and {@code sensor_reported_at} (epoch milliseconds). None
 * of them is projected into an index, so a key's issue, its revocation and a report that keeps
 * occupancy write the table alone (docs/DATA-MODEL.md). Every change is one conditional
 * UpdateItem; why a write was refused is told from the item DynamoDB returns with the refusal,
 * or from one consistent read where the engine returns none ({@link #stored}).
 */
public final class SensorRepository {

    /** An issue writes the key and starts a new order: the previous sensor's report no longer stands. */
    private static final String ISSUE = "SET #sensor_key_hash = :hash, #sensor_issued_at = :issued, #updated_at = :updated_at"
            + " REMOVE #sensor_observed_at, #sensor_reported_at";
    private static final String OWNER = "#owner_id = :caller";
    private static final String REVOKE = "REMOVE #sensor_key_hash, #sensor_issued_at, #sensor_observed_at, #sensor_reported_at"
            + " SET #updated_at = :updated_at";
    private static final String REVOCABLE = "#owner_id = :caller AND attribute_exists(#sensor_key_hash)";
    private static final String REPORT = "SET #occupied = :occupied, #sensor_observed_at = :observed,"
            + " #sensor_reported_at = :reported, #updated_at = :updated_at";
    /** A slot taken ends any reservation of it, as the owner's PATCH does. */
    private static final String TAKEN = " REMOVE #reserved_by, #reserved_until";
    /** This slot's current key, and a report newer than the standing one (none stands under a new key). */
    private static final String KEY_AND_ORDER = "#sensor_key_hash = :hash"
            + " AND (attribute_not_exists(#sensor_observed_at) OR #sensor_observed_at < :observed)";

    /** What a write did. */
    sealed interface Written {
    }

    /** Applied: the item after the write. */
    record Applied(Stored after) implements Written {
    }

    /**
     * Refused: nothing was written. {@code stored} is the item as it stood, when the engine
     * returned it with the refusal: DynamoDB does when asked (at no extra read cost), dynalite
     * 4.0.0 ignores the request, and neither has one to return when there is no such slot.
     */
    record Refused(Optional<Stored> stored) implements Written {
    }

    /** A slot item as stored, as a refused write is explained from. */
    record Stored(Map<String, AttributeValue> item) {

        long ownerId() {
            return Long.parseLong(item.get("owner_id").n());
        }

        boolean keyed() {
            return item.containsKey("sensor_key_hash");
        }

        /** Whether the stored hash is this key's; compared in constant time, as hashes of secrets are. */
        boolean keyedWith(SensorKey key) {
            return keyed() && MessageDigest.isEqual(item.get("sensor_key_hash").s().getBytes(StandardCharsets.US_ASCII),
                    key.hash().getBytes(StandardCharsets.US_ASCII));
        }

        Slot slot(Moment at) {
            return SlotRepository.slotOf(item, at);
        }
    }

    private final DynamoDbClient client;
    private final String tableName;

    public SensorRepository(DynamoDbClient client, String tableName) {
        this.client = client;
        this.tableName = tableName;
    }

    /** Gives the slot this key, if {@code callerId} owns it. */
    Written issue(long id, long callerId, SensorKey key, Instant now) {
        return update(id, ISSUE, OWNER, Map.of(
                ":hash", AttributeValue.fromS(key.hash()),
                ":issued", number(now.toEpochMilli()),
                ":updated_at", AttributeValue.fromS(Slot.timestamp(now)),
                ":caller", number(callerId)));
    }

    /** Removes the slot's key and its sensor's report, if {@code callerId} owns it and it has one. */
    Written revoke(long id, long callerId, Instant now) {
        return update(id, REVOKE, REVOCABLE, Map.of(
                ":updated_at", AttributeValue.fromS(Slot.timestamp(now)),
                ":caller", number(callerId)));
    }

    /**
     * The report as one conditional write that checks the key and the order itself: no read
     * before it. {@code reportedAt} is when the API received it.
     */
    Written report(long id, SensorKey key, boolean occupied, Instant observedAt, Instant reportedAt) {
        return update(id, occupied ? REPORT + TAKEN : REPORT, KEY_AND_ORDER, Map.of(
                ":hash", AttributeValue.fromS(key.hash()),
                ":occupied", AttributeValue.fromBool(occupied),
                ":observed", number(observedAt.toEpochMilli()),
                ":reported", number(reportedAt.toEpochMilli()),
                ":updated_at", AttributeValue.fromS(Slot.timestamp(reportedAt))));
    }

    /** The slot's item, strongly consistent: what tells a refusal apart where the engine returned no item. */
    Optional<Stored> stored(long id) {
        Map<String, AttributeValue> item = client.getItem(get -> get.tableName(tableName).key(key(id)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(new Stored(item));
    }

    /** One conditional UpdateItem, asking for the stored item with a refusal. */
    private Written update(long id, String update, String condition, Map<String, AttributeValue> values) {
        try {
            return new Applied(new Stored(client.updateItem(UpdateItemRequest.builder()
                            .tableName(tableName)
                            .key(key(id))
                            .updateExpression(update)
                            .conditionExpression(condition)
                            .expressionAttributeNames(SlotRepository.namesIn(update + " " + condition))
                            .expressionAttributeValues(values)
                            .returnValues(ReturnValue.ALL_NEW)
                            .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                            .build())
                    .attributes()));
        } catch (ConditionalCheckFailedException refused) {
            return new Refused(refused.hasItem() && !refused.item().isEmpty() ? Optional.of(new Stored(refused.item())) : Optional.empty());
        }
    }

    private static Map<String, AttributeValue> key(long id) {
        return Map.of("id", number(id));
    }

    private static AttributeValue number(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
