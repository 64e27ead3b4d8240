package parking.functions.testing;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** What SnapStart priming did: the statuses its requests got and what it printed. */
public record Priming(List<Integer> statuses, String output) {

    private static final Pattern STATUS = Pattern.compile("\"status\":(\\d{3})");

    /** Runs the priming of some handlers, capturing what they print (their request log lines). */
    public static Priming run(Runnable primings) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            primings.run();
        } finally {
            System.setOut(original);
        }
        String output = captured.toString(StandardCharsets.UTF_8);
        Matcher statuses = STATUS.matcher(output);
        return new Priming(statuses.results().map(status -> Integer.parseInt(status.group(1))).toList(), output);
    }

    /** Only request log lines: no business metric, no stack trace. */
    public boolean printedOnlyRequestLines() {
        return output.strip().lines().allMatch(line -> line.startsWith("{\"level\":\"INFO\""));
    }

    /** Every item of the table, in any order. */
    public static Set<Map<String, AttributeValue>> items(String table) {
        return new HashSet<>(LocalDynamo.client().scan(scan -> scan.tableName(table).consistentRead(true)).items());
    }
}
