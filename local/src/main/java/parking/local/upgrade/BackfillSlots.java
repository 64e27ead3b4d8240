package parking.local.upgrade;

import java.util.HashMap;
import java.util.Map;
import parking.db.Dynamo;
import parking.slots.SlotBackfill;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * {@code local/backfill-slots}: runs {@link SlotBackfill} on a deployed slots table with the
 * caller's AWS credentials (the SDK's default chain), or on another endpoint.
 */
public final class BackfillSlots {

    private static final String USAGE = """
            Usage: local/backfill-slots --table NAME [--region REGION] [--endpoint URL]
              --table NAME      the stack's slots table (its SlotsTable resource's physical name)
              --region REGION   default: AWS_REGION, else us-east-1
              --endpoint URL    another DynamoDB endpoint (dynalite, LocalStack)
            """;

    private BackfillSlots() {
    }

    public static void main(String[] args) {
        Map<String, String> env = new HashMap<>(System.getenv());
        String table = null;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--table" -> table = value;
                case "--region" -> env.put("AWS_REGION", value);
                case "--endpoint" -> env.put(Dynamo.ENDPOINT_VARIABLE, value);
                default -> fail("unknown option " + args[i]);
            }
            if (value == null) {
                fail(args[i] + " needs a value");
            }
            i++;
        }
        if (table == null) {
            fail("--table is required");
        }
        try (DynamoDbClient client = Dynamo.client(env)) {
            SlotBackfill.Result result = new SlotBackfill(client, table).run();
            System.out.printf("examined %d slots: %d brought up to date, %d already current, %d deleted meanwhile%n",
                    result.examined(), result.updated(), result.alreadyCurrent(), result.vanished());
        }
    }

    private static void fail(String why) {
        System.err.println("local/backfill-slots: " + why);
        System.err.print(USAGE);
        System.exit(2);
    }
}
