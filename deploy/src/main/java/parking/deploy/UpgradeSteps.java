package parking.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The stack updates that move a deployment of the first slot data model to template.yaml's.
 * CloudFormation changes a table's indexes through DynamoDB's UpdateTable, which "can create or
 * delete only one global secondary index per UpdateTable operation" (DynamoDB API reference,
 * UpdateTable, GlobalSecondaryIndexUpdates), so a stack can move by one index per deploy: today's
 * indexes are added one by one (in template order), then the first version's dropped one by one.
 * Each step is template.yaml with only the slots table's indexes and key attributes changed; the
 * last step is template.yaml itself.
 */
public final class UpgradeSteps {

    private static final String TABLE = "  SlotsTable:\n";
    private static final String ATTRIBUTES = "      AttributeDefinitions:\n";
    private static final String KEY_SCHEMA = "      KeySchema:\n";
    private static final String INDEXES = "      GlobalSecondaryIndexes:\n";
    private static final String INDEX = "        - IndexName: ";
    private static final Pattern FIRST_KEY = Pattern.compile("- AttributeName: (\\w+)\\s+KeyType: HASH");
    private static final Pattern DEFINITION = Pattern.compile("- AttributeName: (\\w+)\\s+AttributeType: (\\w)");
    /** The end of a resource: a line break before the next resource (two spaces in) or the next top-level section. */
    private static final Pattern RESOURCE_END = Pattern.compile("\n(?=  [A-Za-z]|[A-Za-z])");

    /** The first version's indexes, exactly as its template declared them. */
    static final List<String> FIRST_VERSION = List.of(
            firstVersionIndex("SlotsById", "listing"),
            firstVersionIndex("SlotsByOwner", "owner_id"),
            firstVersionIndex("UnoccupiedSlotsById", "unoccupied"));
    private static final Map<String, String> FIRST_VERSION_TYPES = Map.of("listing", "S", "owner_id", "N", "unoccupied", "S");

    private UpgradeSteps() {
    }

    private static String firstVersionIndex(String name, String partitionKey) {
        return INDEX + name + "\n"
                + "          KeySchema:\n"
                + "            - AttributeName: " + partitionKey + "\n"
                + "              KeyType: HASH\n"
                + "            - AttributeName: id\n"
                + "              KeyType: RANGE\n"
                + "          Projection:\n"
                + "            ProjectionType: ALL\n";
    }

    /** template.yaml as the first version deployed it (step 0: what an existing stack has). */
    static String firstVersion(String template) {
        return withIndexes(template, FIRST_VERSION);
    }

    /** The templates of the deploys before the last (which is template.yaml), in order. */
    static List<String> intermediate(String template) {
        List<String> today = indexes(template);
        List<String> current = new ArrayList<>(FIRST_VERSION);
        List<String> steps = new ArrayList<>();
        for (String index : today) {
            current.add(index);
            steps.add(withIndexes(template, current));
        }
        for (String old : FIRST_VERSION) {
            current.remove(old);
            steps.add(withIndexes(template, current));
        }
        steps.remove(steps.size() - 1);
        return steps;
    }

    /** The slots table's indexes, each as the template's text of one list entry. */
    static List<String> indexes(String template) {
        String table = table(template);
        String listed = table.substring(table.indexOf(INDEXES) + INDEXES.length()).stripTrailing() + "\n";
        List<String> indexes = new ArrayList<>();
        for (String entry : listed.split("(?=" + Pattern.quote(INDEX) + ")")) {
            if (!entry.isBlank()) {
                indexes.add(entry);
            }
        }
        return indexes;
    }

    /** The template with the slots table holding these indexes and exactly the key attributes they and the table use. */
    static String withIndexes(String template, List<String> indexes) {
        String table = table(template);
        Map<String, String> types = new LinkedHashMap<>();
        Matcher defined = DEFINITION.matcher(table.substring(table.indexOf(ATTRIBUTES), table.indexOf(KEY_SCHEMA)));
        while (defined.find()) {
            types.put(defined.group(1), defined.group(2));
        }
        types.putAll(FIRST_VERSION_TYPES);
        Map<String, String> used = new LinkedHashMap<>();
        used.put("id", types.get("id"));
        for (String index : indexes) {
            Matcher key = FIRST_KEY.matcher(index);
            if (!key.find()) {
                throw new IllegalStateException("an index without a partition key: " + index);
            }
            used.put(key.group(1), types.get(key.group(1)));
        }
        StringBuilder attributes = new StringBuilder(ATTRIBUTES);
        used.forEach((name, type) -> attributes.append("        - AttributeName: ").append(name).append("\n")
                .append("          AttributeType: ").append(type).append("\n"));
        String changed = table.substring(0, table.indexOf(ATTRIBUTES)) + attributes
                + table.substring(table.indexOf(KEY_SCHEMA), table.indexOf(INDEXES)) + INDEXES + String.join("", indexes) + "\n";
        return template.replace(table, changed);
    }

    /** The slots table's resource, from its name to the blank line before the next resource. */
    private static String table(String template) {
        int start = template.indexOf(TABLE);
        if (start < 0) {
            throw new IllegalStateException("template.yaml has no SlotsTable");
        }
        Matcher next = RESOURCE_END.matcher(template);
        int end = next.find(start + TABLE.length()) ? next.end() : template.length();
        return template.substring(start, end);
    }

    static final String USAGE = """
            Usage: deploy/upgrade-steps
              Writes upgrade-step-N.yaml beside template.yaml, the templates of the deploys that move a
              stack of the first slot data model to today's indexes, and prints the deploys to run.
              --help   this text
            """;

    /**
     * {@code deploy/upgrade-steps}, run from the repository's root: writes the intermediate
     * templates beside template.yaml (SAM resolves each function's {@code CodeUri: .} from its
     * template's folder) and prints the deploys to run.
     */
    public static void main(String[] args) throws IOException {
        if (args.length > 0 && (args[0].equals("--help") || args[0].equals("-h"))) {
            System.out.print(USAGE);
            return;
        }
        if (args.length > 0) {
            System.err.print("deploy/upgrade-steps: unknown option " + args[0] + "\n" + USAGE);
            System.exit(2);
        }
        Path root = Path.of(".");
        List<String> steps = intermediate(Files.readString(root.resolve("template.yaml"), StandardCharsets.UTF_8));
        for (int i = 0; i < steps.size(); i++) {
            Path step = root.resolve("upgrade-step-" + (i + 1) + ".yaml");
            Files.writeString(step, steps.get(i), StandardCharsets.UTF_8);
            System.out.println("sam build -t " + step.getFileName() + " && sam deploy   # step " + (i + 1) + " of " + (steps.size() + 1));
        }
        System.out.println("sam build && sam deploy   # step " + (steps.size() + 1) + " of " + (steps.size() + 1) + ": template.yaml");
    }
}
