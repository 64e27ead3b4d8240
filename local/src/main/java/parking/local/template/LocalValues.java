package parking.local.template;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import parking.local.template.SamTemplate.Intrinsic;

/**
 * Resolves template values the way CloudFormation would, with local stand-ins: a parameter's
 * {@code !Ref} is its local override or else its default (a list for a {@code CommaDelimitedList}),
 * a resource's is its logical id (so a table is named after its logical id), pseudo parameters
 * are fixed local values, {@code Fn::If} follows the template's {@code Conditions}, and a Secrets
 * Manager dynamic reference ({@code {{resolve:secretsmanager:<secret>:SecretString}}}) becomes
 * the local secret's value.
 */
public final class LocalValues {

    public static final String REGION = "us-east-1";
    public static final String ACCOUNT = "000000000000";

    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}!]+)}");
    private static final Pattern SECRET_REFERENCE =
            Pattern.compile("\\{\\{resolve:secretsmanager:([^:}]+):SecretString(?::[^}]*)?}}");

    private static final String NO_VALUE = "AWS::NoValue";

    private final Map<String, String> parameters;
    private final Set<String> listParameters;
    private final Map<String, Object> conditions;
    private final Map<String, String> secrets;

    /** @param secrets secret logical id → its local value */
    public LocalValues(SamTemplate template, Map<String, String> secrets) {
        this(template, secrets, Map.of());
    }

    /**
     * @param secrets secret logical id → its local value
     * @param parameterOverrides parameter name → the value to use instead of its default, as
     *     {@code sam deploy --parameter-overrides} gives it (a list parameter comma-separated)
     */
    public LocalValues(SamTemplate template, Map<String, String> secrets, Map<String, String> parameterOverrides) {
        Map<String, String> values = new LinkedHashMap<>(template.parameterDefaults());
        values.putAll(parameterOverrides);
        this.parameters = Map.copyOf(values);
        this.listParameters = template.listParameters();
        this.conditions = template.conditions();
        this.secrets = Map.copyOf(secrets);
    }

    /** The function's environment with every value resolved, in template order. */
    public Map<String, String> environment(FunctionDefinition function) {
        Map<String, String> resolved = new LinkedHashMap<>();
        function.environment().forEach((name, raw) -> resolved.put(name, resolve(raw)));
        return resolved;
    }

    public String resolve(Object raw) {
        return resolveSecrets(evaluate(raw));
    }

    /**
     * A structured property (such as an API's {@code CorsConfiguration}) with every intrinsic
     * resolved: maps and lists keep their shape, a list parameter's {@code !Ref} is a list of
     * strings, {@code Fn::If} picks a branch, and {@code AWS::NoValue} removes the entry (null
     * when it is the whole value).
     */
    public Object resolveStructure(Object raw) {
        String function = intrinsicName(raw);
        if (function != null) {
            Object argument = intrinsicArgument(raw, function);
            if (function.equals("If")) {
                List<Object> branches = SamTemplate.list(argument);
                return resolveStructure(condition(branches.get(0).toString()) ? branches.get(1) : branches.get(2));
            }
            if (function.equals("Ref") && argument.toString().equals(NO_VALUE)) {
                return null;
            }
            if (function.equals("Ref") && listParameters.contains(argument.toString())) {
                String value = parameters.getOrDefault(argument.toString(), "");
                return value.isEmpty() ? List.of() : Arrays.stream(value.split(",")).map(String::strip).toList();
            }
            return resolve(raw);
        }
        if (raw instanceof Map<?, ?> map) {
            Map<String, Object> resolved = new LinkedHashMap<>();
            map.forEach((key, value) -> {
                Object entry = resolveStructure(value);
                if (entry != null) {
                    resolved.put(key.toString(), entry);
                }
            });
            return resolved;
        }
        if (raw instanceof List<?> list) {
            return list.stream().map(this::resolveStructure).filter(Objects::nonNull).toList();
        }
        return raw;
    }

    /** A condition of the template's {@code Conditions}, evaluated. */
    private boolean condition(String name) {
        Object definition = conditions.get(name);
        if (definition == null) {
            throw new IllegalArgumentException("no condition " + name + " in the template");
        }
        return truth(definition);
    }

    private boolean truth(Object raw) {
        String function = intrinsicName(raw);
        if (function == null) {
            throw new IllegalArgumentException("not a condition function: " + raw);
        }
        Object argument = intrinsicArgument(raw, function);
        return switch (function) {
            case "Equals" -> {
                List<Object> pair = SamTemplate.list(argument);
                yield evaluate(pair.get(0)).equals(evaluate(pair.get(1)));
            }
            case "Not" -> !truth(SamTemplate.list(argument).get(0));
            case "And" -> SamTemplate.list(argument).stream().allMatch(this::truth);
            case "Or" -> SamTemplate.list(argument).stream().anyMatch(this::truth);
            case "Condition" -> condition(argument.toString());
            default -> throw new IllegalArgumentException("Fn::" + function + " is not a condition function");
        };
    }

    /** The function of a short-form ({@code !If}) or long-form ({@code Fn::If:}, {@code Ref:}) call; null for any other value. */
    private static String intrinsicName(Object raw) {
        if (raw instanceof Intrinsic intrinsic) {
            return intrinsic.function();
        }
        if (raw instanceof Map<?, ?> map && map.size() == 1 && map.keySet().iterator().next() instanceof String key
                && (key.equals("Ref") || key.equals("Condition") || key.startsWith("Fn::"))) {
            return key.replace("Fn::", "");
        }
        return null;
    }

    /**
     * The argument of a call to {@code function} ({@code "Ref"}, {@code "Sub"}, ...), short form or
     * long; null when the value is no such call.
     */
    static Object intrinsicArgument(Object raw, String function) {
        if (!function.equals(intrinsicName(raw))) {
            return null;
        }
        return raw instanceof Intrinsic intrinsic ? intrinsic.argument() : ((Map<?, ?>) raw).values().iterator().next();
    }

    private String evaluate(Object raw) {
        String function = intrinsicName(raw);
        if (function != null) {
            return call(function, intrinsicArgument(raw, function));
        }
        if (raw instanceof String || raw instanceof Number || raw instanceof Boolean) {
            return raw.toString();
        }
        throw new IllegalArgumentException("cannot resolve template value " + raw);
    }

    private String call(String function, Object argument) {
        return switch (function) {
            case "Ref" -> reference(argument.toString());
            case "GetAtt" -> attribute(SamTemplate.list(argument));
            case "Sub" -> substitute(argument);
            case "Join" -> join(SamTemplate.list(argument));
            default -> throw new IllegalArgumentException("Fn::" + function + " is not supported locally");
        };
    }

    private String reference(String name) {
        return switch (name) {
            case "AWS::Region" -> REGION;
            case "AWS::AccountId" -> ACCOUNT;
            case "AWS::StackName" -> "local";
            case "AWS::Partition" -> "aws";
            case "AWS::URLSuffix" -> "amazonaws.com";
            default -> parameters.getOrDefault(name, name);
        };
    }

    private String attribute(List<Object> resourceAndName) {
        String resource = resourceAndName.get(0).toString();
        String attribute = resourceAndName.get(1).toString();
        return attribute.equals("Arn")
                ? "arn:aws:local:" + REGION + ":" + ACCOUNT + ":" + resource
                : resource + "." + attribute;
    }

    private String substitute(Object argument) {
        String text;
        Map<String, Object> variables;
        if (argument instanceof List<?> pair) {
            text = pair.get(0).toString();
            variables = SamTemplate.asMap(pair.get(1));
        } else {
            text = argument.toString();
            variables = Map.of();
        }
        Matcher matcher = SUB_VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            String value;
            if (variables.containsKey(name)) {
                value = evaluate(variables.get(name));
            } else if (name.contains(".") && !name.startsWith("AWS::")) {
                value = attribute(List.of((Object[]) name.split("\\.", 2)));
            } else {
                value = reference(name);
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private String join(List<Object> delimiterAndValues) {
        String delimiter = delimiterAndValues.get(0).toString();
        return String.join(delimiter, SamTemplate.list(resolveStructure(delimiterAndValues.get(1))).stream().map(this::evaluate).toList());
    }

    private String resolveSecrets(String value) {
        Matcher matcher = SECRET_REFERENCE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String secret = secrets.get(matcher.group(1));
            if (secret == null) {
                throw new IllegalArgumentException("no local value for secret " + matcher.group(1));
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(secret));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
