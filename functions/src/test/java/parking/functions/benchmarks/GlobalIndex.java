package parking.functions.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;

/**
 * A global secondary index as DynamoDB bills writes to it: which items it holds (those that
 * have all its key attributes), what each entry holds (the index and table keys, plus the
 * projected attributes), and what a write of an item costs it.
 *
 * <p>The rules, from the Amazon DynamoDB Developer Guide, "Global secondary indexes" →
 * "Provisioned throughput considerations for global secondary indexes" → "Writes"
 * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/GSI.html#GSI.ThroughputConsiderations.Writes,
 * checked 2026-12-02, see the team's NOTES.md), billed the same way on demand: an item in the
 * index neither before nor after the write costs nothing; one that enters it (a new item, or an
 * update that defines its key) or leaves it (a delete, or an update that removes its key) costs
 * one write; an update that changes its key value (A to B) costs two, a delete and a put; one that
 * changes a projected attribute but not the key costs one; any other update costs nothing. Each
 * write is one unit per KB of the index entry (rounded up).
 */
record GlobalIndex(String name, List<String> indexKeys, List<String> tableKeys, ProjectionType projection, Set<String> nonKeyAttributes) {

    /** The table's global secondary indexes as it declares them. */
    static List<GlobalIndex> of(CreateTableRequest table) {
        List<String> tableKeys = names(table.keySchema());
        return table.globalSecondaryIndexes().stream()
                .map(index -> new GlobalIndex(index.indexName(), names(index.keySchema()), tableKeys,
                        index.projection().projectionType(), Set.copyOf(index.projection().nonKeyAttributes())))
                .toList();
    }

    /** Write units this index is charged when the item goes from {@code before} to {@code after} (an empty object: no item). */
    int writeUnits(JsonNode before, JsonNode after) {
        boolean wasIn = holds(before);
        boolean isIn = holds(after);
        if (!wasIn && !isIn) {
            return 0;
        }
        if (wasIn != isIn) {
            return units(wasIn ? before : after);
        }
        if (indexKeys.stream().anyMatch(key -> !before.get(key).equals(after.get(key)))) {
            return units(before) + units(after);
        }
        return sameEntry(before, after) ? 0 : units(after);
    }

    /** Whether the item is in the index: it has every key attribute (an index is sparse in them). */
    boolean holds(JsonNode item) {
        return indexKeys.stream().allMatch(item::has);
    }

    /** The size of the item's entry in the index (its index and table keys and the attributes it projects), as {@link ItemSize} counts it. */
    int entryBytes(JsonNode item) {
        int bytes = 0;
        for (Iterator<Map.Entry<String, JsonNode>> attributes = item.fields(); attributes.hasNext(); ) {
            Map.Entry<String, JsonNode> attribute = attributes.next();
            if (projects(attribute.getKey())) {
                bytes += ItemSize.attributeBytes(attribute.getKey(), attribute.getValue());
            }
        }
        return bytes;
    }

    /** Whether both items have the same entry: every projected attribute of each is in the other, equal. */
    private boolean sameEntry(JsonNode before, JsonNode after) {
        return projectedIn(before, after) && projectedIn(after, before);
    }

    private boolean projectedIn(JsonNode item, JsonNode other) {
        for (Iterator<Map.Entry<String, JsonNode>> attributes = item.fields(); attributes.hasNext(); ) {
            Map.Entry<String, JsonNode> attribute = attributes.next();
            if (projects(attribute.getKey()) && !attribute.getValue().equals(other.get(attribute.getKey()))) {
                return false;
            }
        }
        return true;
    }

    private boolean projects(String attribute) {
        return switch (projection) {
            case ALL -> true;
            case INCLUDE -> isKey(attribute) || nonKeyAttributes.contains(attribute);
            case KEYS_ONLY -> isKey(attribute);
            default -> throw new IllegalStateException("unknown projection " + projection + " of index " + name);
        };
    }

    private boolean isKey(String attribute) {
        return indexKeys.contains(attribute) || tableKeys.contains(attribute);
    }

    private int units(JsonNode item) {
        return ItemSize.writeUnits(entryBytes(item));
    }

    private static List<String> names(List<KeySchemaElement> keySchema) {
        return keySchema.stream().map(KeySchemaElement::attributeName).toList();
    }
}
