package parking.slots;

import java.math.BigDecimal;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Brings the slots written by the first version of the data model into today's indexes: gives
 * each its {@code cell} (the nearby index) and its listing shard (it had the one value
 * {@code "slot"} every slot shared), and drops the {@code unoccupied} marker of the index that is
 * gone. Slots already in today's form are left alone, so it can run again at any time, and while
 * the API serves traffic: each write requires the coordinates it read, so a slot moved meanwhile
 * (which the move itself put in the right cell) is read again rather than put back.
 *
 * <p>Cost: one Scan of the table, then for each old slot one write to the table, one to
 * SlotsByCell (an entry appears) and two to SlotIdsByListing (its key changes).
 */
public final class SlotBackfill {

    /** What a run did. */
    public record Result(long examined, long updated, long alreadyCurrent, long vanished) {
    }

    private static final int ATTEMPTS_PER_SLOT = 3;
    private static final String BACKFILL = "SET #cell = :cell, #listing = :listing REMOVE #unoccupied";
    /** The coordinates the scan read: a slot moved since is read again rather than put back. */
    private static final String SAME_PLACE = "#latitude = :latitude AND #longitude = :longitude";
    private static final Map<String, String> BACKFILL_NAMES = SlotRepository.namesIn(BACKFILL + " " + SAME_PLACE);
    /** What the scan reads of each item: enough to tell whether it is current, and to bring it up to date. */
    private static final String SCANNED = "#id, #latitude, #longitude, #cell, #listing, #unoccupied";
    private static final Map<String, String> SCANNED_NAMES = SlotRepository.namesIn(SCANNED);

    private final DynamoDbClient client;
    private final String tableName;

    public SlotBackfill(DynamoDbClient client, String tableName) {
        this.client = client;
        this.tableName = tableName;
    }

    public Result run() {
        long examined = 0;
        long updated = 0;
        long current = 0;
        long vanished = 0;
        // The SDK's paginator follows LastEvaluatedKey until the table has been read to its end.
        for (Map<String, AttributeValue> item : client.scanPaginator(scan -> scan
                        .tableName(tableName)
                        .projectionExpression(SCANNED)
                        .expressionAttributeNames(SCANNED_NAMES))
                .items()) {
            if (!item.containsKey("latitude")) {
                continue;   // the id counter
            }
            examined++;
            switch (bringUpToDate(item)) {
                case UPDATED -> updated++;
                case CURRENT -> current++;
                case VANISHED -> vanished++;
            }
        }
        return new Result(examined, updated, current, vanished);
    }

    private enum Outcome { UPDATED, CURRENT, VANISHED }

    private Outcome bringUpToDate(Map<String, AttributeValue> scanned) {
        Map<String, AttributeValue> item = scanned;
        for (int attempt = 0; attempt < ATTEMPTS_PER_SLOT; attempt++) {
            long id = Long.parseLong(item.get("id").n());
            String cell = SlotKeys.cell(new BigDecimal(item.get("latitude").n()), new BigDecimal(item.get("longitude").n()));
            String listing = SlotKeys.listing(id);
            if (cell.equals(text(item, "cell")) && listing.equals(text(item, "listing")) && !item.containsKey("unoccupied")) {
                return Outcome.CURRENT;
            }
            Map<String, AttributeValue> seen = item;
            try {
                client.updateItem(update -> update
                        .tableName(tableName)
                        .key(Map.of("id", seen.get("id")))
                        .updateExpression(BACKFILL)
                        .conditionExpression(SAME_PLACE)
                        .expressionAttributeNames(BACKFILL_NAMES)
                        .expressionAttributeValues(Map.of(
                                ":cell", AttributeValue.fromS(cell),
                                ":listing", AttributeValue.fromS(listing),
                                ":latitude", seen.get("latitude"),
                                ":longitude", seen.get("longitude"))));
                return Outcome.UPDATED;
            } catch (ConditionalCheckFailedException movedOrDeleted) {
                item = client.getItem(get -> get.tableName(tableName).key(Map.of("id", seen.get("id"))).consistentRead(true)).item();
                if (item == null || !item.containsKey("latitude")) {
                    return Outcome.VANISHED;
                }
            }
        }
        throw new IllegalStateException("slot " + scanned.get("id").n() + " kept moving during the backfill; run it again");
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }
}
