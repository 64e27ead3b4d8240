package parking.deploy;

import java.io.PrintStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import parking.db.Dynamo;
import parking.slots.SlotBackfill;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * {@code deploy/backfill-slots}: runs {@link SlotBackfill} on a deployed slots table with the
 * caller's AWS credentials (the SDK's default chain), or on a local engine (dynalite, LocalStack)
 * with none. Every failure is one line on standard error, never a stack trace.
 */
public final class BackfillSlots {

    static final String USAGE = """
            Usage: deploy/backfill-slots --table NAME [--region REGION] [--endpoint URL]
              --table NAME      the stack's slots table (its SlotsTable resource's physical name)
              --region REGION   default: AWS_REGION, else us-east-1
              --endpoint URL    another DynamoDB endpoint; on this machine (dynalite, LocalStack)
                                no AWS credentials are needed
              --help            this text
            """;
    static final String NO_CREDENTIALS = "no AWS credentials found: set AWS_PROFILE (a profile of `aws configure` or"
            + " `aws sso login`) or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY";
    /** Local engines check no signature, but the SDK signs every request: any key will do. */
    private static final String PLACEHOLDER_KEY = "local";

    private BackfillSlots() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    /** The exit status: 0 done (or help), 1 the backfill failed, 2 the command line or credentials are wrong. */
    static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err) {
        Map<String, String> env = new HashMap<>(environment);
        String table = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--help") || args[i].equals("-h")) {
                out.print(USAGE);
                return 0;
            }
            String value = i + 1 < args.length ? args[i + 1] : null;
            if (!args[i].equals("--table") && !args[i].equals("--region") && !args[i].equals("--endpoint")) {
                return usageError(err, "unknown option " + args[i]);
            }
            if (value == null) {
                return usageError(err, args[i] + " needs a value");
            }
            switch (args[i]) {
                case "--table" -> table = value;
                case "--region" -> env.put("AWS_REGION", value);
                default -> env.put(Dynamo.ENDPOINT_VARIABLE, value);
            }
            i++;
        }
        if (table == null) {
            return usageError(err, "--table is required");
        }
        // The SDK would stop on anything else with a stack trace (a URISyntaxException for "localhost:8000").
        String endpoint = env.getOrDefault(Dynamo.ENDPOINT_VARIABLE, "");
        if (!endpoint.isBlank() && httpHost(endpoint).isEmpty()) {
            return usageError(err, "the endpoint " + endpoint + " is not an http:// or https:// URL, such as http://localhost:8000");
        }
        if (isOnThisMachine(endpoint) && !env.containsKey("AWS_ACCESS_KEY_ID")) {
            env.put("AWS_ACCESS_KEY_ID", PLACEHOLDER_KEY);
            env.put("AWS_SECRET_ACCESS_KEY", PLACEHOLDER_KEY);
        }
        try {
            Dynamo.credentials(env).resolveCredentials();
        } catch (SdkException e) {
            err.println("deploy/backfill-slots: " + NO_CREDENTIALS);
            return 2;
        }
        try (DynamoDbClient client = Dynamo.client(env)) {
            SlotBackfill.Result result = new SlotBackfill(client, table).run();
            out.printf("examined %d slots: %d brought up to date, %d already current, %d deleted meanwhile%n",
                    result.examined(), result.updated(), result.alreadyCurrent(), result.vanished());
            return 0;
        } catch (SdkException e) {
            err.println("deploy/backfill-slots: " + e.getMessage());
            return 1;
        }
    }

    private static boolean isOnThisMachine(String endpoint) {
        return httpHost(endpoint).filter(host -> host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]")).isPresent();
    }

    /** The host of an http or https URL; empty when {@code url} is none. */
    private static Optional<String> httpHost(String url) {
        try {
            URI uri = new URI(url);
            boolean http = "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
            return http ? Optional.ofNullable(uri.getHost()) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static int usageError(PrintStream err, String why) {
        err.println("deploy/backfill-slots: " + why);
        err.print(USAGE);
        return 2;
    }
}
