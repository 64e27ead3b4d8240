package parking.functions.testing;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import parking.Services;
import parking.local.ProjectRoot;
import parking.local.dynamo.TemplateTables;
import parking.local.template.LocalValues;
import parking.local.template.SamTemplate;
import parking.db.Dynamo;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A fresh DynamoDB engine per test class (in-memory dynalite, or LocalStack with
 * {@code -Dparking.dynamodb=localstack}, see {@link TestEngine}), with the tables of {@code template.yaml}. Handlers
 * under test get {@link #services(String)}: the services wired from exactly the environment
 * the template gives that function, pointed at this engine.
 */
public final class LocalDynamo implements BeforeAllCallback, AfterAllCallback {

    /** 48 characters: a test key, as long as a real one must be. */
    public static final String JWT_SECRET = "test-secret-0123456789-abcdefghijklmnopqrstuvwxyz";
    private static final String SECRET_LOGICAL_ID = "JwtSecret";

    private static final Path ROOT = ProjectRoot.find();
    private static final SamTemplate TEMPLATE = SamTemplate.load(ROOT.resolve("template.yaml"));

    private static TestEngine engine;
    private static DynamoDbClient client;
    private static final Map<String, Services> SERVICES = new HashMap<>();

    @Override
    public void beforeAll(ExtensionContext context) {
        engine = TestEngine.start(ROOT);
        client = Dynamo.client(awsEnvironment());
        // A shared engine (LocalStack) still holds the previous class's tables.
        client.listTables().tableNames().forEach(table -> client.deleteTable(b -> b.tableName(table)));
        TemplateTables.createMissing(client, TEMPLATE);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        SERVICES.clear();
        if (client != null) {
            client.close();
            client = null;
            engine.close();
        }
    }

    public static SamTemplate template() {
        return TEMPLATE;
    }

    public static java.net.URI endpoint() {
        return engine.endpoint();
    }

    /** The function's environment with its DynamoDB endpoint replaced, e.g. by a {@link FaultProxy}. */
    public static Map<String, String> environment(String functionLogicalId, java.net.URI dynamoEndpoint) {
        Map<String, String> env = new HashMap<>(environment(functionLogicalId));
        env.put(Dynamo.ENDPOINT_VARIABLE, dynamoEndpoint.toString());
        return env;
    }

    /** A low-level client on the test engine, for arranging and inspecting data. */
    public static DynamoDbClient client() {
        return client;
    }

    /** The environment {@code template.yaml} gives the function, resolved locally. */
    public static Map<String, String> environment(String functionLogicalId) {
        Map<String, String> env = new HashMap<>(new LocalValues(TEMPLATE, Map.of(SECRET_LOGICAL_ID, JWT_SECRET))
                .environment(TEMPLATE.function(functionLogicalId)));
        env.putAll(awsEnvironment());
        // bcrypt at the template's cost would make the suite slow; cost itself is tested in PasswordsTest.
        env.put("BCRYPT_COST", "4");
        return env;
    }

    /** The services the function's handler gets, built once per function and test class. */
    public static synchronized Services services(String functionLogicalId) {
        return SERVICES.computeIfAbsent(functionLogicalId, id -> new Services(environment(id)));
    }

    private static Map<String, String> awsEnvironment() {
        return Map.of(
                "AWS_REGION", LocalValues.REGION,
                "AWS_ACCESS_KEY_ID", "local",
                "AWS_SECRET_ACCESS_KEY", "local",
                Dynamo.ENDPOINT_VARIABLE, engine.endpoint().toString());
    }
}
