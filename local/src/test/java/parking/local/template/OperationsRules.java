package parking.local.template;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;
import parking.local.template.SamTemplate.Intrinsic;
import parking.metrics.BusinessEvent;
import parking.metrics.BusinessMetrics;

/**
 * The operations rules of docs/OPERATIONS.md, checked over a parsed template: each method returns
 * what breaks its rule, one line per table, function, API or alarm, so an empty list is a pass.
 * The sets of tables, functions, APIs and alarms come from the template itself, never from a list
 * here: a resource added later is held to the same rules.
 */
final class OperationsRules {

    static final String DELETION_PROTECTION = "TableDeletionProtection";
    static final String RECOVERY_DAYS = "PointInTimeRecoveryDays";
    static final String LOG_RETENTION = "LogRetentionDays";
    static final String DEPLOYMENT_TYPE = "DeploymentType";
    static final String FUNCTION_REVISION = "FunctionRevision";
    static final String ALARM_EMAIL = "AlarmEmail";
    /** The abuse limits' EMF metric (namespace {@link BusinessMetrics#NAMESPACE}, no dimensions). */
    static final String ABUSE_METRIC = BusinessEvent.ABUSE_LIMIT_REFUSED.metricName();

    private static final String TABLE = "AWS::DynamoDB::Table";
    private static final String FUNCTION = "AWS::Serverless::Function";
    private static final String HTTP_API = "AWS::Serverless::HttpApi";
    private static final String LOG_GROUP = "AWS::Logs::LogGroup";
    private static final String ALARM = "AWS::CloudWatch::Alarm";
    private static final String TOPIC = "AWS::SNS::Topic";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SamTemplate template;
    private final Map<String, Map<String, Object>> parameters;
    private final Map<String, Map<String, Object>> alarms;

    OperationsRules(SamTemplate template) {
        this.template = template;
        this.parameters = template.parameters();
        this.alarms = template.resources(ALARM);
    }

    List<String> tablesRetained() {
        List<String> broken = new ArrayList<>();
        template.definitions(TABLE).forEach((table, definition) -> {
            for (String policy : List.of("DeletionPolicy", "UpdateReplacePolicy")) {
                if (!"Retain".equals(definition.get(policy))) {
                    broken.add(table + ": " + policy + " is " + definition.get(policy) + ", not Retain");
                }
            }
        });
        return broken;
    }

    List<String> tablesDeletionProtected() {
        List<String> broken = new ArrayList<>(defaultIs(DELETION_PROTECTION, "true"));
        template.resources(TABLE).forEach((table, properties) -> {
            if (!DELETION_PROTECTION.equals(ref(properties.get("DeletionProtectionEnabled")))) {
                broken.add(table + ": DeletionProtectionEnabled is not !Ref " + DELETION_PROTECTION);
            }
        });
        return broken;
    }

    List<String> tablesRecoverable() {
        List<String> broken = new ArrayList<>(defaultIs(RECOVERY_DAYS, "35"));
        template.resources(TABLE).forEach((table, properties) -> {
            Map<String, Object> recovery = SamTemplate.asMap(properties.get("PointInTimeRecoverySpecification"));
            if (!"true".equals(String.valueOf(recovery.get("PointInTimeRecoveryEnabled")))) {
                broken.add(table + ": point-in-time recovery is not enabled");
            }
            if (!RECOVERY_DAYS.equals(ref(recovery.get("RecoveryPeriodInDays")))) {
                broken.add(table + ": RecoveryPeriodInDays is not !Ref " + RECOVERY_DAYS);
            }
        });
        return broken;
    }

    List<String> functionsLogToTheirOwnExpiringGroup() {
        List<String> broken = new ArrayList<>(defaultIs(LOG_RETENTION, "30"));
        Set<String> taken = new HashSet<>();
        for (FunctionDefinition function : template.functions()) {
            String group = ref(SamTemplate.asMap(function.properties().get("LoggingConfig")).get("LogGroup"));
            if (group == null) {
                broken.add(function.logicalId() + ": no LoggingConfig.LogGroup: !Ref <a log group of the template>");
            } else if (!taken.add(group)) {
                broken.add(function.logicalId() + ": shares log group " + group + " with another function");
            } else {
                broken.addAll(expires(function.logicalId(), group));
            }
        }
        return broken;
    }

    List<String> apisWriteJsonAccessLogs() {
        List<String> broken = new ArrayList<>();
        template.resources(HTTP_API).forEach((api, properties) -> {
            Map<String, Object> settings = SamTemplate.asMap(template.withGlobals("HttpApi", properties).get("AccessLogSettings"));
            List<String> destination = getAtt(settings.get("DestinationArn"));
            if (destination.size() != 2 || !destination.get(1).equals("Arn")) {
                broken.add(api + ": AccessLogSettings.DestinationArn is not !GetAtt <log group>.Arn");
            } else {
                broken.addAll(expires(api, destination.get(0)));
            }
            broken.addAll(accessLogFormat(api, settings.get("Format")));
        });
        return broken;
    }

    List<String> alarmsNotifyTheTopic() {
        Set<String> topics = template.resources(TOPIC).keySet();
        List<String> broken = new ArrayList<>();
        alarms.forEach((alarm, properties) -> {
            for (String actions : List.of("AlarmActions", "OKActions")) {
                if (SamTemplate.list(properties.get(actions)).stream().map(OperationsRules::ref).noneMatch(topics::contains)) {
                    broken.add(alarm + ": " + actions + " has no SNS topic of the template");
                }
            }
        });
        return broken;
    }

    List<String> alarmThresholdsAreParameters() {
        List<String> broken = new ArrayList<>();
        alarms.forEach((alarm, properties) -> {
            String parameter = ref(properties.get("Threshold"));
            if (parameter == null || !parameters.containsKey(parameter) || parameters.get(parameter).get("Default") == null) {
                broken.add(alarm + ": Threshold is not !Ref of a parameter with a Default");
            }
        });
        return broken;
    }

    /** Subscriptions by e-mail exist only under a condition that is false while AlarmEmail is empty, its default. */
    List<String> alarmEmailIsOptional() {
        List<String> broken = new ArrayList<>(defaultIs(ALARM_EMAIL, ""));
        Map<String, Map<String, Object>> subscriptions = template.definitions("AWS::SNS::Subscription");
        Object whenGiven = new Intrinsic("Not", List.of(new Intrinsic("Equals", List.of(new Intrinsic("Ref", ALARM_EMAIL), ""))));
        boolean any = false;
        for (Map.Entry<String, Map<String, Object>> subscription : subscriptions.entrySet()) {
            Map<String, Object> properties = SamTemplate.asMap(subscription.getValue().get("Properties"));
            if (!"email".equals(properties.get("Protocol"))) {
                continue;
            }
            any = true;
            Object condition = template.conditions().get(String.valueOf(subscription.getValue().get("Condition")));
            if (!whenGiven.equals(condition) || !ALARM_EMAIL.equals(ref(properties.get("Endpoint")))
                    || !template.resources(TOPIC).containsKey(ref(properties.get("TopicArn")))) {
                broken.add(subscription.getKey() + ": not !Ref " + ALARM_EMAIL + " to a topic of the template under !Not [!Equals [!Ref "
                        + ALARM_EMAIL + ", \"\"]]");
            }
        }
        if (!any) {
            broken.add("no e-mail subscription to the alarm topic");
        }
        return broken;
    }

    /** The alarm on the errors of the version the live alias runs is among the function's rollback alarms. */
    List<String> functionErrorAlarmsRollDeploysBack() {
        List<String> broken = new ArrayList<>();
        for (FunctionDefinition function : template.functions()) {
            String id = function.logicalId();
            List<String> errorAlarms = alarmsOn("AWS/Lambda", "Errors", metric ->
                    id.equals(ref(dimension(metric, "FunctionName")))
                            && (id + ":" + function.properties().get("AutoPublishAlias")).equals(sub(dimension(metric, "Resource")).replace("${" + id + "}", id))
                            && List.of(id, "Version.Version").equals(getAtt(dimension(metric, "ExecutedVersion"))));
            List<String> rollback = SamTemplate.list(SamTemplate.asMap(function.properties().get("DeploymentPreference")).get("Alarms"))
                    .stream().map(OperationsRules::ref).toList();
            if (errorAlarms.stream().noneMatch(rollback::contains)) {
                broken.add(id + ": no alarm on the Errors of its live alias's version among DeploymentPreference.Alarms");
            }
        }
        return broken;
    }

    List<String> functionsHaveThrottleAlarms() {
        return template.functions().stream()
                .map(FunctionDefinition::logicalId)
                .filter(id -> alarmsOn("AWS/Lambda", "Throttles", metric -> id.equals(ref(dimension(metric, "FunctionName")))).isEmpty())
                .map(id -> id + ": no alarm on its Throttles")
                .toList();
    }

    /**
     * Declared in Globals (so a new function inherits it) and not overridden: CodeDeploy, type from
     * the parameter; and a version published whenever FunctionRevision changes.
     */
    List<String> functionsDeployThroughCodeDeploy() {
        List<String> broken = new ArrayList<>(defaultIs(DEPLOYMENT_TYPE, "AllAtOnce"));
        broken.addAll(defaultIs(FUNCTION_REVISION, "1"));
        if (!DEPLOYMENT_TYPE.equals(ref(SamTemplate.asMap(template.globals("Function").get("DeploymentPreference")).get("Type")))) {
            broken.add("Globals.Function: no DeploymentPreference.Type: !Ref " + DEPLOYMENT_TYPE);
        }
        for (FunctionDefinition function : template.functions()) {
            Map<String, Object> preference = SamTemplate.asMap(function.properties().get("DeploymentPreference"));
            if (!DEPLOYMENT_TYPE.equals(ref(preference.get("Type"))) || "false".equals(String.valueOf(preference.get("Enabled")))
                    || function.properties().get("AutoPublishAlias") == null) {
                broken.add(function.logicalId() + ": does not deploy through an alias with DeploymentPreference.Type !Ref " + DEPLOYMENT_TYPE);
            }
            if (!FUNCTION_REVISION.equals(ref(function.properties().get("AutoPublishCodeSha256")))) {
                broken.add(function.logicalId() + ": no AutoPublishCodeSha256: !Ref " + FUNCTION_REVISION);
            }
        }
        return broken;
    }

    List<String> apisHaveErrorRateAndLatencyAlarms() {
        List<String> broken = new ArrayList<>();
        for (String api : template.resources(HTTP_API).keySet()) {
            Predicate<Map<String, Object>> ofApi = metric -> api.equals(ref(dimension(metric, "ApiId")));
            Set<String> errors = new HashSet<>(alarmsOn("AWS/ApiGateway", "5xx", ofApi));
            errors.retainAll(alarmsOn("AWS/ApiGateway", "Count", ofApi));
            if (errors.stream().noneMatch(alarm -> returnsAnExpression(alarms.get(alarm)))) {
                broken.add(api + ": no alarm on its 5xx rate (5xx and Count in one expression)");
            }
            if (alarmsOn("AWS/ApiGateway", "Latency", ofApi).stream().noneMatch(alarm -> "p99".equals(alarms.get(alarm).get("ExtendedStatistic")))) {
                broken.add(api + ": no alarm on its p99 Latency");
            }
        }
        return broken;
    }

    /** Both metrics exist per table and operation only: a Metrics Insights query of the table sums every operation. */
    List<String> tablesHaveThrottleAndSystemErrorAlarms() {
        List<String> broken = new ArrayList<>();
        for (String table : template.resources(TABLE).keySet()) {
            for (String metric : List.of("ThrottledRequests", "SystemErrors")) {
                boolean watched = alarms.values().stream()
                        .flatMap(alarm -> SamTemplate.list(alarm.get("Metrics")).stream())
                        .map(query -> sub(SamTemplate.asMap(query).get("Expression")))
                        .anyMatch(query -> query.contains("SUM(" + metric + ")") && query.contains("\"AWS/DynamoDB\"")
                                && query.contains("TableName = '${" + table + "}'"));
                if (!watched) {
                    broken.add(table + ": no alarm on the sum of its " + metric + " over every operation");
                }
            }
        }
        return broken;
    }

    List<String> abuseRefusalsHaveAnAlarm() {
        return alarmsOn(BusinessMetrics.NAMESPACE, ABUSE_METRIC, metric -> SamTemplate.list(metric.get("Dimensions")).isEmpty()).isEmpty()
                ? List.of("no alarm on " + BusinessMetrics.NAMESPACE + "/" + ABUSE_METRIC + " (no dimensions)")
                : List.of();
    }

    /** Every graph an operator needs, per API, function and table, and every business event. */
    List<String> dashboardShowsEverything() {
        Set<String> shown = dashboardMetrics();
        List<String> wanted = new ArrayList<>();
        template.resources(HTTP_API).keySet().forEach(api -> Stream.of("Count", "4xx", "5xx", "Latency")
                .forEach(name -> wanted.add("AWS/ApiGateway " + name + " ApiId=${" + api + "}")));
        template.functions().forEach(function -> Stream.of("Duration", "Errors", "ConcurrentExecutions")
                .forEach(name -> wanted.add("AWS/Lambda " + name + " FunctionName=${" + function.logicalId() + "}")));
        template.resources(TABLE).keySet().forEach(table -> Stream.of(
                        "ConsumedReadCapacityUnits", "ConsumedWriteCapacityUnits", "ReadThrottleEvents", "WriteThrottleEvents")
                .forEach(name -> wanted.add("AWS/DynamoDB " + name + " TableName=${" + table + "}")));
        Stream.of(BusinessEvent.values()).forEach(event -> wanted.add(BusinessMetrics.NAMESPACE + " " + event.metricName()));
        return wanted.stream().filter(metric -> !shown.contains(metric)).map(metric -> "dashboard: no graph of " + metric).toList();
    }

    /** Each metric of every dashboard as "namespace name Dim=value ...", the value as written (e.g. ${UsersTable}). */
    private Set<String> dashboardMetrics() {
        Set<String> shown = new LinkedHashSet<>();
        for (Map<String, Object> dashboard : template.resources("AWS::CloudWatch::Dashboard").values()) {
            JsonNode body = parse(sub(dashboard.get("DashboardBody")));
            for (JsonNode widget : body.path("widgets")) {
                for (JsonNode metric : widget.path("properties").path("metrics")) {
                    List<String> parts = new ArrayList<>();
                    metric.forEach(part -> {
                        if (part.isTextual()) {
                            parts.add(part.asText());
                        }
                    });
                    StringBuilder key = new StringBuilder(parts.get(0) + " " + parts.get(1));
                    for (int i = 2; i + 1 < parts.size(); i += 2) {
                        key.append(' ').append(parts.get(i)).append('=').append(parts.get(i + 1));
                    }
                    shown.add(key.toString());
                }
            }
        }
        return shown;
    }

    /** One JSON object a request, with the request id, route key and status; never the raw path with its query. */
    private static List<String> accessLogFormat(String api, Object format) {
        if (!(format instanceof String text)) {
            return List.of(api + ": AccessLogSettings.Format is not a JSON text");
        }
        JsonNode line = parse(text);
        Set<String> values = new HashSet<>();
        line.forEach(value -> values.add(value.asText()));
        List<String> broken = new ArrayList<>();
        for (String needed : List.of("$context.requestId", "$context.routeKey", "$context.status")) {
            if (!values.contains(needed)) {
                broken.add(api + ": access log lacks " + needed);
            }
        }
        if (!line.isObject() || values.contains("$context.path")) {
            broken.add(api + ": access log is not one JSON object, or logs the raw path");
        }
        return broken;
    }

    private List<String> expires(String owner, String logGroup) {
        Map<String, Object> group = template.resources(LOG_GROUP).get(logGroup);
        if (group == null) {
            return List.of(owner + ": " + logGroup + " is not a log group of the template");
        }
        return LOG_RETENTION.equals(ref(group.get("RetentionInDays")))
                ? List.of()
                : List.of(owner + ": log group " + logGroup + " has no RetentionInDays: !Ref " + LOG_RETENTION);
    }

    private List<String> defaultIs(String parameter, String expected) {
        Object actual = parameters.getOrDefault(parameter, Map.of()).get("Default");
        return Objects.equals(expected, actual == null ? null : actual.toString())
                ? List.of()
                : List.of("parameter " + parameter + ": Default is " + actual + ", not " + expected);
    }

    /** The alarms that watch namespace/name through a metric {@code matches} accepts, directly or in their Metrics. */
    private List<String> alarmsOn(String namespace, String name, Predicate<Map<String, Object>> matches) {
        return alarms.entrySet().stream()
                .filter(alarm -> watched(alarm.getValue()).stream()
                        .anyMatch(metric -> namespace.equals(metric.get("Namespace")) && name.equals(metric.get("MetricName")) && matches.test(metric)))
                .map(Map.Entry::getKey)
                .toList();
    }

    private static List<Map<String, Object>> watched(Map<String, Object> alarm) {
        List<Map<String, Object>> metrics = new ArrayList<>();
        if (alarm.containsKey("MetricName")) {
            metrics.add(alarm);
        }
        SamTemplate.list(alarm.get("Metrics")).forEach(query ->
                metrics.add(SamTemplate.asMap(SamTemplate.asMap(SamTemplate.asMap(query).get("MetricStat")).get("Metric"))));
        return metrics;
    }

    private static boolean returnsAnExpression(Map<String, Object> alarm) {
        return SamTemplate.list(alarm.get("Metrics")).stream().map(SamTemplate::asMap)
                .anyMatch(query -> query.get("Expression") != null && Boolean.TRUE.equals(query.get("ReturnData")));
    }

    private static Object dimension(Map<String, Object> metric, String name) {
        return SamTemplate.list(metric.get("Dimensions")).stream().map(SamTemplate::asMap)
                .filter(dimension -> name.equals(dimension.get("Name")))
                .map(dimension -> dimension.get("Value"))
                .findFirst().orElse(null);
    }

    /** X of {@code !Ref X} (or {@code Ref: X}); null for any other value. */
    static String ref(Object value) {
        return LocalValues.intrinsicArgument(value, "Ref") instanceof String name ? name : null;
    }

    /** [resource, attribute] of {@code !GetAtt resource.attribute}; empty for any other value. */
    private static List<String> getAtt(Object value) {
        Object argument = LocalValues.intrinsicArgument(value, "GetAtt");
        return argument instanceof List<?> parts ? parts.stream().map(String::valueOf).toList() : List.of();
    }

    /** The text of {@code !Sub text} (or of its first element); empty for any other value. */
    private static String sub(Object value) {
        Object argument = LocalValues.intrinsicArgument(value, "Sub");
        if (argument instanceof List<?> pair) {
            argument = pair.get(0);
        }
        return argument instanceof String text ? text : "";
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }
}
