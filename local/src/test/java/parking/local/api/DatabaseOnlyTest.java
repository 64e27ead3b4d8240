package parking.local.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import parking.local.ProjectRoot;
import parking.local.template.SamTemplate;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** {@code local/run --dynamodb-only}: the template's tables on the stated port, to any plain SDK client, kept across a restart. */
class DatabaseOnlyTest {

    private static final Path ROOT = ProjectRoot.find();

    @TempDir
    Path data;

    private Settings settings(int port) throws Settings.BadArguments {
        return Settings.parse(List.of("--dynamodb-only", "--port", Integer.toString(port), "--data-dir", data.toString()), ROOT, Map.of());
    }

    /** A client as any tool would build one: an endpoint, some region, any credentials. */
    private static DynamoDbClient plainClient(int port) {
        return DynamoDbClient.builder()
                .endpointOverride(URI.create("http://127.0.0.1:" + port))
                .region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("any", "thing")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Test
    void saysSoWhenItsPortIsTaken() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Settings settings = settings(taken.getLocalPort());
            IllegalStateException refused = assertThrows(IllegalStateException.class,
                    () -> DatabaseOnly.start(settings, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)));
            assertTrue(refused.getMessage().contains(":" + taken.getLocalPort() + " is in use"), refused.getMessage());
        }
    }

    @Test
    void servesTheTemplatesTablesOnTheStatedPortAndKeepsDataAcrossARestart() throws Exception {
        int port = freePort();
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        Map<String, AttributeValue> user = Map.of("pk", AttributeValue.fromS("sam-user"), "username", AttributeValue.fromS("Sam"));

        try (DatabaseOnly database = DatabaseOnly.start(settings(port), new PrintStream(console, true, StandardCharsets.UTF_8));
             DynamoDbClient client = plainClient(port)) {
            assertEquals(URI.create("http://127.0.0.1:" + port), database.endpoint());
            assertEquals(SamTemplate.load(ROOT.resolve("template.yaml")).resources("AWS::DynamoDB::Table").keySet().stream().sorted().toList(),
                    client.listTables().tableNames());
            assertEquals("UsersById", client.describeTable(b -> b.tableName("UsersTable")).table().globalSecondaryIndexes().get(0).indexName());
            client.putItem(b -> b.tableName("UsersTable").item(user));
        }
        assertTrue(console.toString(StandardCharsets.UTF_8).contains("DynamoDB (dynalite) on http://127.0.0.1:" + port), console.toString());

        try (DatabaseOnly restarted = DatabaseOnly.start(settings(port), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
             DynamoDbClient client = plainClient(port)) {
            assertEquals(user, client.getItem(b -> b.tableName("UsersTable").key(Map.of("pk", AttributeValue.fromS("sam-user")))
                    .consistentRead(true)).item());
        }
    }
}
