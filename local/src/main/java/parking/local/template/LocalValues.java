package parking.local.template;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import parking.local.template.SamTemplate.Intrinsic;

/**
 * Resolves template values the way CloudFormation would, with local stand-ins: a parameter's
 * {@code !Ref} is its default, a resource's is its logical id (so a table is named after its
 * logical id), pseudo parameters are fixed local values, and a Secrets Manager dynamic reference
 * ({@code {{resolve:secretsmanager:<secret>:SecretString}}}) becomes the local secret's value.
 */
public final class LocalValues {

    public static final String REGION = "us-east-1";
    public static final String ACCOUNT = "000000000000";

    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}!]+)}");
    private static final Pattern SECRET_REFERENCE =
            Pattern.compile("\\{\\{resolve:secretsmanager:([^:}]+):SecretString(?::[^}]*)?}}");

    private final Map<String, String> parameters;
    private final Map<String, String> secrets;

    /** @param secrets secret logical id → its local value */
    public LocalValues(SamTemplate template, Map<String, String> secrets) {
        this.parameters = template.parameterDefaults();
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

    private String evaluate(Object raw) {
        if (raw instanceof Intrinsic intrinsic) {
            return call(intrinsic.function(), intrinsic.argument());
        }
        if (raw instanceof Map<?, ?> map && map.size() == 1 && map.keySet().iterator().next() instanceof String key
                && (key.equals("Ref") || key.startsWith("Fn::"))) {
            return call(key.replace("Fn::", ""), map.values().iterator().next());
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
        return String.join(delimiter, SamTemplate.list(delimiterAndValues.get(1)).stream().map(this::evaluate).toList());
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
