package parking.functions.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;

class GlobalIndexTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNode NO_ITEM = JSON.createObjectNode();

    /** Partition cell, sort id; projects occupied only. */
    private static final GlobalIndex BY_CELL = new GlobalIndex("ByCell", List.of("cell", "id"), List.of("id"),
            ProjectionType.INCLUDE, Set.of("occupied"));

    private static JsonNode item(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static final JsonNode FREE = item("""
            {"id": {"N": "1"}, "cell": {"S": "13507:25514"}, "occupied": {"BOOL": false}, "updated_at": {"S": "2026-12-02T01:00:00Z"}}""");
    /** FREE a minute later, after a sensor report that kept its occupancy. */
    private static final JsonNode REPORTED = item("""
            {"id": {"N": "1"}, "cell": {"S": "13507:25514"}, "occupied": {"BOOL": false}, "updated_at": {"S": "2026-12-02T01:01:00Z"}}""");
    /** FREE a minute later, after a sensor report that it is occupied. */
    private static final JsonNode OCCUPIED = item("""
            {"id": {"N": "1"}, "cell": {"S": "13507:25514"}, "occupied": {"BOOL": true}, "updated_at": {"S": "2026-12-02T01:01:00Z"}}""");
    /** BY_CELL projecting every attribute. */
    private static final GlobalIndex BY_CELL_ALL = new GlobalIndex("ByCellAll", List.of("cell", "id"), List.of("id"), ProjectionType.ALL, Set.of());

    @Test
    void anItemInTheIndexNeitherBeforeNorAfterCostsNothing() {
        JsonNode noCell = item("""
                {"id": {"N": "1"}, "occupied": {"BOOL": false}}""");
        JsonNode stillNoCell = item("""
                {"id": {"N": "1"}, "occupied": {"BOOL": true}}""");

        assertEquals(0, BY_CELL.writeUnits(noCell, stillNoCell));
    }

    @Test
    void aNewItemWithTheIndexKeyCostsOne() {
        assertEquals(1, BY_CELL.writeUnits(NO_ITEM, FREE));
    }

    @Test
    void aDeletedItemCostsOne() {
        assertEquals(1, BY_CELL.writeUnits(FREE, NO_ITEM));
    }

    @Test
    void anUpdateThatDefinesTheKeyEntersASparseIndexForOne() {
        JsonNode noCell = item("""
                {"id": {"N": "1"}, "occupied": {"BOOL": false}, "updated_at": {"S": "2026-12-02T00:59:00Z"}}""");

        assertEquals(1, BY_CELL.writeUnits(noCell, FREE));
    }

    @Test
    void anUpdateThatRemovesTheKeyLeavesASparseIndexForOne() {
        JsonNode noCell = item("""
                {"id": {"N": "1"}, "occupied": {"BOOL": false}, "updated_at": {"S": "2026-12-02T01:01:00Z"}}""");

        assertEquals(1, BY_CELL.writeUnits(FREE, noCell));
    }

    @Test
    void anUpdateThatChangesTheIndexKeyCostsTwo() {
        JsonNode moved = FREE.deepCopy();
        ((ObjectNode) moved).set("cell", item("{\"S\": \"13508:25514\"}"));

        assertEquals(2, BY_CELL.writeUnits(FREE, moved));
    }

    @Test
    void anUpdateOfAProjectedAttributeCostsOne() {
        assertEquals(1, BY_CELL.writeUnits(FREE, OCCUPIED));
    }

    @Test
    void anUpdateOfAnAttributeAnIncludeIndexDoesNotListCostsNothing() {
        assertEquals(0, BY_CELL.writeUnits(FREE, REPORTED));
    }

    @Test
    void anIndexProjectingAllIsChargedForAnyAttributeThatChanges() {
        assertEquals(1, BY_CELL_ALL.writeUnits(FREE, REPORTED));
    }

    @Test
    void aKeysOnlyIndexIsChargedForNoNonKeyAttribute() {
        GlobalIndex keysOnly = new GlobalIndex("CellIds", List.of("cell", "id"), List.of("id"), ProjectionType.KEYS_ONLY, Set.of());

        assertEquals(0, keysOnly.writeUnits(FREE, OCCUPIED));
    }

    @Test
    void eachWriteCostsOneUnitPerStartedKilobyteOfTheEntry() {
        JsonNode large = FREE.deepCopy();
        // 4 + 1,500 bytes of name and value: the entry is between 1 and 2 KB.
        ((ObjectNode) large).set("note", item("{\"S\": \"" + "x".repeat(1_500) + "\"}"));
        JsonNode largeMoved = large.deepCopy();
        ((ObjectNode) largeMoved).set("cell", item("{\"S\": \"13508:25514\"}"));

        assertEquals(2, BY_CELL_ALL.writeUnits(NO_ITEM, large));
        assertEquals(4, BY_CELL_ALL.writeUnits(large, largeMoved));
        assertEquals(1, BY_CELL.writeUnits(NO_ITEM, large));
    }

    @Test
    void readsKeysAndProjectionsOfEveryGlobalIndexOfATable() {
        CreateTableRequest table = CreateTableRequest.builder()
                .tableName("Slots")
                .keySchema(key -> key.attributeName("id").keyType("HASH"))
                .globalSecondaryIndexes(index -> index.indexName("ByCell")
                        .keySchema(key -> key.attributeName("cell").keyType("HASH"), key -> key.attributeName("id").keyType("RANGE"))
                        .projection(projection -> projection.projectionType(ProjectionType.INCLUDE).nonKeyAttributes("occupied")))
                .build();

        assertEquals(List.of(BY_CELL), GlobalIndex.of(table));
    }
}
