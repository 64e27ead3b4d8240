package parking.users;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondarySortKey;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
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
import software.amazon.awssdk.enhanced.dynamodb.model.GetItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * The users table. One item per user, keyed by the lower-cased username, so that a single
 * conditional put both creates the user and claims the name in every letter case: there is
 * no second item that could be left half written. A sparse index {@value #BY_ID} (partition
 * {@code listing}, sort {@code id}) serves lookups by id and the id-ordered list without a
 * scan; it projects only the username, never the hash. Ids come from an atomic counter item
 * whose key ({@value #COUNTER_KEY}) no username can take.
 */
public final class UserRepository {

    public static final String BY_ID = "UsersById";
    private static final String LISTING = "user";
    private static final String COUNTER_KEY = "#next_user_id";
    /** A key no user has: usernames never contain {@code #}. */
    private static final String PROBE_KEY = "#priming";

    private static final TableSchema<UserItem> SCHEMA = StaticTableSchema.builder(UserItem.class)
            .newItemSupplier(UserItem::new)
            .addAttribute(String.class, a -> a.name("pk").getter(UserItem::getKey).setter(UserItem::setKey)
                    .tags(primaryPartitionKey()))
            .addAttribute(String.class, a -> a.name("listing").getter(UserItem::getListing).setter(UserItem::setListing)
                    .tags(secondaryPartitionKey(BY_ID)))
            .addAttribute(Long.class, a -> a.name("id").getter(UserItem::getId).setter(UserItem::setId)
                    .tags(secondarySortKey(BY_ID)))
            .addAttribute(String.class, a -> a.name("username").getter(UserItem::getUsername).setter(UserItem::setUsername))
            .addAttribute(String.class, a -> a.name("password_hash").getter(UserItem::getPasswordHash)
                    .setter(UserItem::setPasswordHash))
            .build();

    private final DynamoDbClient client;
    private final String tableName;
    private final IdCounter ids;
    private final DynamoDbTable<UserItem> table;
    private final DynamoDbIndex<UserItem> byId;

    public UserRepository(DynamoDbClient client, DynamoDbEnhancedClient enhanced, String tableName) {
        this.client = client;
        this.tableName = tableName;
        this.ids = new IdCounter(client, tableName, Map.of("pk", AttributeValue.fromS(COUNTER_KEY)));
        this.table = enhanced.table(tableName, SCHEMA);
        this.byId = table.index(BY_ID);
    }

    /** A user with the password hash, for login; any letter case of the name finds it. */
    public record Credentials(User user, String passwordHash) {
    }

    /**
     * Creates the user with the next id.
     *
     * @return the user; empty when the name exists in any letter case (nothing was written)
     */
    public Optional<User> create(String username, String passwordHash) {
        long id = ids.next();
        UserItem item = new UserItem();
        item.setKey(keyOf(username));
        item.setListing(LISTING);
        item.setId(id);
        item.setUsername(username);
        item.setPasswordHash(passwordHash);
        try {
            table.putItem(PutItemEnhancedRequest.builder(UserItem.class)
                    .item(item)
                    // "OR id = :id": only this request holds its fresh id, so when the SDK retries
                    // a put whose first answer was lost, the retry succeeds instead of reporting
                    // its own write as a conflict.
                    .conditionExpression(Expression.builder()
                            .expression("attribute_not_exists(pk) OR id = :id")
                            .putExpressionValue(":id", AttributeValue.fromN(Long.toString(id)))
                            .build())
                    .build());
        } catch (ConditionalCheckFailedException taken) {
            return Optional.empty();
        }
        return Optional.of(new User(id, username));
    }

    /**
     * A conditional update of a key that does not exist, which DynamoDB refuses: the client's
     * write path (SnapStart priming) without writing anything, needing only the UpdateItem
     * permission that registration has.
     */
    public void probeWrite() {
        try {
            client.updateItem(UpdateItemRequest.builder()
                    .tableName(tableName)
                    .key(Map.of("pk", AttributeValue.fromS(PROBE_KEY)))
                    .updateExpression("SET id = :id")
                    .conditionExpression("attribute_exists(pk)")
                    .expressionAttributeValues(Map.of(":id", AttributeValue.fromN("0")))
                    .build());
        } catch (ConditionalCheckFailedException refused) {
            // Always so: the condition is what keeps the probe from writing.
        }
    }

    /** Strongly consistent, so a user can log in right after registering. */
    public Optional<Credentials> findCredentials(String username) {
        UserItem item = table.getItem(GetItemEnhancedRequest.builder()
                .key(Key.builder().partitionValue(keyOf(username)).build())
                .consistentRead(true)
                .build());
        return Optional.ofNullable(item).map(found -> new Credentials(found.toUser(), found.getPasswordHash()));
    }

    public Optional<User> findById(long id) {
        return byId.query(QueryEnhancedRequest.builder()
                        .queryConditional(QueryConditional.keyEqualTo(Key.builder().partitionValue(LISTING).sortValue(id).build()))
                        .limit(1)
                        .build())
                .stream()
                .flatMap(page -> page.items().stream())
                .findFirst()
                .map(UserItem::toUser);
    }

    public Page<User> list(PageRequest request) {
        List<User> fetched = byId.query(QueryEnhancedRequest.builder()
                        .queryConditional(QueryConditional.sortGreaterThan(
                                Key.builder().partitionValue(LISTING).sortValue(request.afterId()).build()))
                        .limit(request.limit() + 1)
                        .build())
                .stream()
                .flatMap(page -> page.items().stream())
                .limit(request.limit() + 1L)
                .map(UserItem::toUser)
                .toList();
        return Page.of(fetched, request.limit(), User::id);
    }

    private static String keyOf(String username) {
        return username.toLowerCase(Locale.ROOT);
    }
}
