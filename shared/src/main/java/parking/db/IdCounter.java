package parking.db;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Sequential positive ids from one counter item: an atomic {@code ADD} returns each caller its
 * own number, so concurrent creations never share an id. A retried or failed creation leaves a
 * gap, which the contract allows.
 */
public final class IdCounter {

    private final DynamoDbClient client;
    private final String tableName;
    private final Map<String, AttributeValue> counterKey;

    /** @param counterKey the key of the counter item, one no real item of the table can have */
    public IdCounter(DynamoDbClient client, String tableName, Map<String, AttributeValue> counterKey) {
        this.client = client;
        this.tableName = tableName;
        this.counterKey = Map.copyOf(counterKey);
    }

    public long next() {
        Map<String, AttributeValue> updated = client.updateItem(UpdateItemRequest.builder()
                        .tableName(tableName)
                        .key(counterKey)
                        .updateExpression("ADD next_id :one")
                        .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1")))
                        .returnValues(ReturnValue.UPDATED_NEW)
                        .build())
                .attributes();
        return Long.parseLong(updated.get("next_id").n());
    }
}
