package parking.local.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import parking.local.ProjectRoot;

/**
 * template.yaml holds the operations rules (docs/OPERATIONS.md) for every table, function, API,
 * alarm and parameter it has, including those added after this test was written.
 */
class OperationsTemplateTest {

    private static final Path ROOT = ProjectRoot.find();
    private static final OperationsRules RULES = new OperationsRules(SamTemplate.load(ROOT.resolve("template.yaml")));

    /** A function and a table as a later change might add them, with none of the operations parts. */
    private static final String LATE_RESOURCES = """
              LateFunction:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: parking.functions.slots.GetSlotHandler::handleRequest
              LateTable:
                Type: AWS::DynamoDB::Table
                Properties:
                  BillingMode: PAY_PER_REQUEST
                  AttributeDefinitions:
                    - AttributeName: pk
                      AttributeType: S
                  KeySchema:
                    - AttributeName: pk
                      KeyType: HASH
            """;

    @Test
    void everyTableIsKeptWhenTheStackIsDeletedOrWouldReplaceIt() {
        assertEquals(List.of(), RULES.tablesRetained());
    }

    @Test
    void everyTableRefusesDeletionWhileTheParameterSaysSoAsItDoesByDefault() {
        assertEquals(List.of(), RULES.tablesDeletionProtected());
    }

    @Test
    void everyTableCanBeRestoredToAnySecondOfTheRecoveryPeriodThirtyFiveDaysByDefault() {
        assertEquals(List.of(), RULES.tablesRecoverable());
    }

    @Test
    void everyFunctionLogsToALogGroupOfItsOwnKeptForTheRetentionParameter() {
        assertEquals(List.of(), RULES.functionsLogToTheirOwnExpiringGroup());
    }

    @Test
    void everyHttpApiWritesOneJsonAccessLogLineARequestToALogGroupWithTheSameRetention() {
        assertEquals(List.of(), RULES.apisWriteJsonAccessLogs());
    }

    @Test
    void everyAlarmTellsTheAlarmTopicWhenItFiresAndWhenItClears() {
        assertEquals(List.of(), RULES.alarmsNotifyTheTopic());
    }

    @Test
    void everyAlarmThresholdIsAParameterWithADefault() {
        assertEquals(List.of(), RULES.alarmThresholdsAreParameters());
    }

    @Test
    void theAlarmTopicHasAnEmailSubscriptionOnlyWhenAnAddressIsGiven() {
        assertEquals(List.of(), RULES.alarmEmailIsOptional());
    }

    @Test
    void everyFunctionRollsADeployBackWhenItsLiveVersionFails() {
        assertEquals(List.of(), RULES.functionErrorAlarmsRollDeploysBack());
    }

    @Test
    void everyFunctionHasAnAlarmOnItsThrottles() {
        assertEquals(List.of(), RULES.functionsHaveThrottleAlarms());
    }

    @Test
    void everyFunctionDeploysThroughCodeDeployAllAtOnceByDefaultAndPublishesANewVersionForEachRevision() {
        assertEquals(List.of(), RULES.functionsDeployThroughCodeDeploy());
    }

    @Test
    void theProdConfigurationDeploysWithACanary() throws IOException {
        String samconfig = Files.readString(ROOT.resolve("samconfig.toml"), StandardCharsets.UTF_8);
        Matcher prod = Pattern.compile("\\[prod\\.deploy\\.parameters]([^\\[]*)").matcher(samconfig);
        assertTrue(prod.find(), "samconfig.toml has no [prod.deploy.parameters]");
        Matcher overrides = Pattern.compile("(?m)^parameter_overrides = '([^']*)'").matcher(prod.group(1));
        assertTrue(overrides.find(), "prod has no parameter_overrides");
        assertTrue(overrides.group(1).matches(".*\\b" + OperationsRules.DEPLOYMENT_TYPE + "=Canary\\w+.*"), overrides.group(1));
    }

    @Test
    void everyHttpApiHasAlarmsOnItsShareOfServerErrorsAndItsP99Latency() {
        assertEquals(List.of(), RULES.apisHaveErrorRateAndLatencyAlarms());
    }

    @Test
    void everyTableHasAlarmsOnItsThrottledRequestsAndSystemErrorsOverEveryOperation() {
        assertEquals(List.of(), RULES.tablesHaveThrottleAndSystemErrorAlarms());
    }

    @Test
    void abuseLimitRefusalsHaveAnAlarm() {
        assertEquals(List.of(), RULES.abuseRefusalsHaveAnAlarm());
    }

    @Test
    void theDashboardGraphsEveryApiFunctionTableAndBusinessEvent() {
        assertEquals(List.of(), RULES.dashboardShowsEverything());
    }

    @Test
    void aFunctionAddedWithoutItsLogGroupAlarmsOrGraphsBreaksTheRules(@TempDir Path dir) throws IOException {
        assertEachRuleNames("LateFunction", new OperationsRules(withLateResources(dir)), List.of(
                OperationsRules::functionsLogToTheirOwnExpiringGroup,
                OperationsRules::functionErrorAlarmsRollDeploysBack,
                OperationsRules::functionsHaveThrottleAlarms,
                OperationsRules::functionsDeployThroughCodeDeploy,
                OperationsRules::dashboardShowsEverything));
    }

    @Test
    void aTableAddedWithoutItsProtectionsAlarmsOrGraphsBreaksTheRules(@TempDir Path dir) throws IOException {
        assertEachRuleNames("LateTable", new OperationsRules(withLateResources(dir)), List.of(
                OperationsRules::tablesRetained,
                OperationsRules::tablesDeletionProtected,
                OperationsRules::tablesRecoverable,
                OperationsRules::tablesHaveThrottleAndSystemErrorAlarms,
                OperationsRules::dashboardShowsEverything));
    }

    private static void assertEachRuleNames(String resource, OperationsRules rules, List<Function<OperationsRules, List<String>>> each) {
        for (Function<OperationsRules, List<String>> rule : each) {
            List<String> broken = rule.apply(rules);
            assertTrue(broken.stream().anyMatch(line -> line.contains(resource)), resource + " not named in " + broken);
        }
    }

    private static SamTemplate withLateResources(Path dir) throws IOException {
        String template = Files.readString(ROOT.resolve("template.yaml"), StandardCharsets.UTF_8);
        Path copy = dir.resolve("template.yaml");
        Files.writeString(copy, template.replace("\nResources:\n", "\nResources:\n" + LATE_RESOURCES), StandardCharsets.UTF_8);
        return SamTemplate.load(copy);
    }
}
