package parking.db;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * BatchGetItem read to the end. DynamoDB may answer only part of a batch and hand back the rest
 * as unprocessed keys (throttling); those are asked for again after a pause that doubles each
 * time, as the API reference advises
 * (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_BatchGetItem.html).
 */
public final class BatchReads {

    /** Pause before asking again for keys a BatchGetItem left unprocessed (throttled), doubled each time. */
    private static final long UNPROCESSED_BACKOFF_MILLIS = 20;
    private static final int UNPROCESSED_ATTEMPTS = 6;

    private BatchReads() {
    }

    /**
     * The items of {@code tableName} under {@code keys} (at most 100 keys, with the consistency
     * {@code keys} asks for), in no particular order; keys without an item are absent.
     *
     * @throws SdkClientException when keys remain unprocessed after the attempts: the database is
     *     unavailable ({@link DatabaseErrors} makes it a 503)
     */
    public static List<Map<String, AttributeValue>> items(DynamoDbClient client, String tableName, KeysAndAttributes keys) {
        List<Map<String, AttributeValue>> found = new ArrayList<>();
        Map<String, KeysAndAttributes> wanted = Map.of(tableName, keys);
        for (int attempt = 0; attempt < UNPROCESSED_ATTEMPTS && !wanted.isEmpty(); attempt++) {
            if (attempt > 0) {
                pause(UNPROCESSED_BACKOFF_MILLIS << attempt);
            }
            Map<String, KeysAndAttributes> request = wanted;
            BatchGetItemResponse response = client.batchGetItem(batch -> batch.requestItems(request));
            found.addAll(response.responses().getOrDefault(tableName, List.of()));
            wanted = response.unprocessedKeys();
        }
        if (!wanted.isEmpty()) {
            throw SdkClientException.create(tableName + " keys left unprocessed by BatchGetItem after " + UNPROCESSED_ATTEMPTS + " attempts");
        }
        return found;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw SdkClientException.create("interrupted while waiting to read unprocessed keys", interrupted);
        }
    }
}
