package parking.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import parking.local.ProjectRoot;
import parking.local.template.SamTemplate;

/** The upgrade goes from the first version's slots table to template.yaml's one index per deploy. */
class UpgradeStepsTest {

    private static final String TEMPLATE = read(ProjectRoot.find().resolve("template.yaml"));

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<String> allSteps() {
        List<String> steps = new ArrayList<>();
        steps.add(UpgradeSteps.firstVersion(TEMPLATE));
        steps.addAll(UpgradeSteps.intermediate(TEMPLATE));
        steps.add(TEMPLATE);
        return steps;
    }

    private static Map<String, Object> slotsTable(String template, Path work) throws IOException {
        Path file = Files.writeString(Files.createTempFile(work, "step", ".yaml"), template, StandardCharsets.UTF_8);
        return SamTemplate.load(file).resources("AWS::DynamoDB::Table").get("SlotsTable");
    }

    private static Set<String> indexNames(Map<String, Object> table) {
        Set<String> names = new LinkedHashSet<>();
        SamTemplate.list(table.get("GlobalSecondaryIndexes")).forEach(index -> names.add((String) SamTemplate.asMap(index).get("IndexName")));
        return names;
    }

    @Test
    void rewritingTheSlotsTableWithItsOwnIndexesGivesTemplateYamlBack() {
        assertEquals(TEMPLATE, UpgradeSteps.withIndexes(TEMPLATE, UpgradeSteps.indexes(TEMPLATE)));
    }

    @Test
    void eachDeployAddsOrDropsExactlyOneIndex(@TempDir Path work) throws IOException {
        List<String> steps = allSteps();
        for (int i = 1; i < steps.size(); i++) {
            Set<String> before = indexNames(slotsTable(steps.get(i - 1), work));
            Set<String> after = indexNames(slotsTable(steps.get(i), work));
            Set<String> changed = new HashSet<>(before);
            changed.addAll(after);
            Set<String> kept = new HashSet<>(before);
            kept.retainAll(after);
            changed.removeAll(kept);
            assertEquals(1, changed.size(), "step " + i + ": " + before + " -> " + after);
        }
    }

    @Test
    void theFirstStepStartsFromTheFirstVersionsThreeIndexes(@TempDir Path work) throws IOException {
        assertEquals(Set.of("SlotsById", "SlotsByOwner", "UnoccupiedSlotsById"),
                indexNames(slotsTable(UpgradeSteps.firstVersion(TEMPLATE), work)));
    }

    @Test
    void everyStepDeclaresExactlyTheKeyAttributesItsIndexesUse(@TempDir Path work) throws IOException {
        for (String step : allSteps()) {
            Map<String, Object> table = slotsTable(step, work);
            Set<String> keys = new HashSet<>();
            for (Object index : SamTemplate.list(table.get("GlobalSecondaryIndexes"))) {
                SamTemplate.list(SamTemplate.asMap(index).get("KeySchema")).forEach(key -> keys.add((String) SamTemplate.asMap(key).get("AttributeName")));
            }
            keys.add("id");
            Set<String> defined = new HashSet<>();
            SamTemplate.list(table.get("AttributeDefinitions")).forEach(a -> defined.add((String) SamTemplate.asMap(a).get("AttributeName")));
            assertEquals(keys, defined);
        }
    }

    @Test
    void onlyTheSlotsTableChanges() {
        for (String step : allSteps()) {
            assertEquals(TEMPLATE.substring(0, TEMPLATE.indexOf("  SlotsTable:")), step.substring(0, step.indexOf("  SlotsTable:")));
            assertEquals(TEMPLATE.substring(TEMPLATE.indexOf("  ListUsersFunction:")), step.substring(step.indexOf("  ListUsersFunction:")));
        }
    }
}
