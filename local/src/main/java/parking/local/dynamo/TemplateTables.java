package parking.local.dynamo;

import java.util.List;
import java.util.Map;
import parking.local.template.LocalValues;
import parking.local.template.SamTemplate;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;

/**
 * Creates the template's {@code AWS::DynamoDB::Table} resources on a local engine, exactly as
 * declared (keys, attribute types, indexes, projections), so tests and the local API run on
 * the deployed schema. A table is named after its logical id, as its local {@code !Ref} is.
 */
public final class TemplateTables {

    private TemplateTables() {
    }

    /** Creates every table that does not exist yet; returns their names. */
    public static List<String> createMissing(DynamoDbClient client, SamTemplate template) {
        return definitions(template).stream().map(table -> create(client, table)).toList();
    }

    /** Every table of the template as the request that creates it locally: keys, indexes, projections. */
    public static List<CreateTableRequest> definitions(SamTemplate template) {
        LocalValues values = new LocalValues(template, Map.of());
        return template.resources("AWS::DynamoDB::Table").entrySet().stream()
                .map(table -> definition(tableName(table.getKey(), table.getValue(), values), table.getValue()))
                .toList();
    }

    /** The table's TableName, resolved (it may be conditional); its logical id when it has none. */
    private static String tableName(String logicalId, Map<String, Object> properties, LocalValues values) {
        Object name = values.resolveStructure(properties.get("TableName"));
        return name == null ? logicalId : name.toString();
    }

    private static CreateTableRequest definition(String name, Map<String, Object> properties) {
        CreateTableRequest.Builder request = CreateTableRequest.builder()
                .tableName(name)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(SamTemplate.list(properties.get("AttributeDefinitions")).stream()
                        .map(SamTemplate::asMap)
                        .map(a -> AttributeDefinition.builder()
                                .attributeName((String) a.get("AttributeName"))
                                .attributeType((String) a.get("AttributeType"))
                                .build())
                        .toList())
                .keySchema(keySchema(properties.get("KeySchema")));
        List<GlobalSecondaryIndex> globals = SamTemplate.list(properties.get("GlobalSecondaryIndexes")).stream()
                .map(SamTemplate::asMap)
                .map(index -> GlobalSecondaryIndex.builder()
                        .indexName((String) index.get("IndexName"))
                        .keySchema(keySchema(index.get("KeySchema")))
                        .projection(projection(index.get("Projection")))
                        .build())
                .toList();
        if (!globals.isEmpty()) {
            request.globalSecondaryIndexes(globals);
        }
        List<LocalSecondaryIndex> locals = SamTemplate.list(properties.get("LocalSecondaryIndexes")).stream()
                .map(SamTemplate::asMap)
                .map(index -> LocalSecondaryIndex.builder()
                        .indexName((String) index.get("IndexName"))
                        .keySchema(keySchema(index.get("KeySchema")))
                        .projection(projection(index.get("Projection")))
                        .build())
                .toList();
        if (!locals.isEmpty()) {
            request.localSecondaryIndexes(locals);
        }
        return request.build();
    }

    private static String create(DynamoDbClient client, CreateTableRequest table) {
        try {
            client.createTable(table);
        } catch (ResourceInUseException exists) {
            // Kept from an earlier run of the local API: its data is the point of keeping it.
        }
        return table.tableName();
    }

    private static List<KeySchemaElement> keySchema(Object raw) {
        return SamTemplate.list(raw).stream()
                .map(SamTemplate::asMap)
                .map(k -> KeySchemaElement.builder()
                        .attributeName((String) k.get("AttributeName"))
                        .keyType((String) k.get("KeyType"))
                        .build())
                .toList();
    }

    private static Projection projection(Object raw) {
        Map<String, Object> projection = SamTemplate.asMap(raw);
        Projection.Builder builder = Projection.builder().projectionType((String) projection.get("ProjectionType"));
        List<String> nonKey = SamTemplate.list(projection.get("NonKeyAttributes")).stream().map(Object::toString).toList();
        if (!nonKey.isEmpty()) {
            builder.nonKeyAttributes(nonKey);
        }
        return builder.build();
    }
}
