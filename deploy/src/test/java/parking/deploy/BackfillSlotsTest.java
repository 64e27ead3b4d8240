package parking.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import parking.db.Dynamo;
import parking.local.ProjectRoot;
import parking.local.dynamo.Dynalite;
import parking.local.dynamo.TemplateTables;
import parking.local.template.SamTemplate;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** {@code deploy/backfill-slots} as an operator meets it: its help, its errors in one line, a local engine without credentials. */
class BackfillSlotsTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Map<String, String> env, String... args) {
        return BackfillSlots.run(args, env, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void helpPrintsTheUsageAndSucceeds() {
        assertEquals(0, run(Map.of(), "--help"));
        assertEquals(BackfillSlots.USAGE, out.toString(StandardCharsets.UTF_8));
        assertEquals("", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void anUnknownOptionIsAUsageError() {
        assertEquals(2, run(Map.of(), "--tabel", "SlotsTable"));
        assertEquals("deploy/backfill-slots: unknown option --tabel\n" + BackfillSlots.USAGE, err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void anEndpointThatIsNoHttpUrlIsAUsageError() {
        assertEquals(2, run(Map.of(), "--table", "SlotsTable", "--endpoint", "localhost:8000"));
        assertEquals("deploy/backfill-slots: the endpoint localhost:8000 is not an http:// or https:// URL, such as http://localhost:8000\n"
                + BackfillSlots.USAGE, err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aLocalEndpointNeedsNoCredentials() {
        Path root = ProjectRoot.find();
        try (Dynalite dynalite = Dynalite.start(root, Optional.empty());
             DynamoDbClient client = Dynamo.client(Map.of(Dynamo.ENDPOINT_VARIABLE, dynalite.endpoint().toString(),
                     "AWS_ACCESS_KEY_ID", "test", "AWS_SECRET_ACCESS_KEY", "test"))) {
            TemplateTables.createMissing(client, SamTemplate.load(root.resolve("template.yaml")));

            int status = run(Map.of(), "--table", "SlotsTable", "--endpoint", dynalite.endpoint().toString());

            assertEquals("", err.toString(StandardCharsets.UTF_8));
            assertEquals(0, status);
            assertEquals("examined 0 slots: 0 brought up to date, 0 already current, 0 deleted meanwhile\n", out.toString(StandardCharsets.UTF_8));
        }
    }

    /**
     * In a process of its own, so that the SDK's credential chain sees only this environment: no
     * AWS variables, a home without ~/.aws, and no instance metadata to ask.
     */
    @Test
    void withoutCredentialsAgainstAwsItSaysWhatToSetInOneLine(@TempDir Path home) throws Exception {
        ProcessBuilder tool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), BackfillSlots.class.getName(), "--table", "SlotsTable");
        tool.environment().keySet().removeIf(name -> name.startsWith("AWS_"));
        tool.environment().put("HOME", home.toString());
        tool.environment().put("AWS_CONFIG_FILE", home.resolve("config").toString());
        tool.environment().put("AWS_SHARED_CREDENTIALS_FILE", home.resolve("credentials").toString());
        tool.environment().put("AWS_EC2_METADATA_DISABLED", "true");
        tool.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Process process = tool.start();
        String printed = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);

        assertEquals(2, process.waitFor());
        assertEquals("deploy/backfill-slots: " + BackfillSlots.NO_CREDENTIALS + "\n", printed);
    }
}
