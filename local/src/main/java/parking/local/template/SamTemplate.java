package parking.local.template;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * {@code template.yaml} as data: the one source of the tables, functions, routes and
 * environment that tests and the local API use. CloudFormation's short-form tags
 * ({@code !Ref}, {@code !GetAtt}, {@code !Sub}, ...) load as {@link Intrinsic} values; the long
 * forms ({@code Ref:}, {@code Fn::Sub:}) stay one-key mappings, which {@link LocalValues} reads too.
 */
public final class SamTemplate {

    /** An intrinsic function call such as {@code !Ref UsersTable}: its name without "Fn::" and argument. */
    public record Intrinsic(String function, Object argument) {
    }

    private static final List<String> TAGS = List.of(
            "Ref", "GetAtt", "Sub", "Join", "Select", "Split", "If", "Equals", "Not", "And", "Or",
            "FindInMap", "Base64", "Cidr", "ImportValue", "GetAZs", "Condition", "Transform");

    private final Map<String, Object> root;

    private SamTemplate(Map<String, Object> root) {
        this.root = root;
    }

    public static SamTemplate load(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Object loaded = new Yaml(new CloudFormationConstructor()).load(reader);
            return new SamTemplate(asMap(loaded));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }

    /** Logical id → Properties of every resource of {@code type}, in template order. */
    public Map<String, Map<String, Object>> resources(String type) {
        Map<String, Map<String, Object>> found = new LinkedHashMap<>();
        definitions(type).forEach((id, resource) -> found.put(id, asMap(resource.getOrDefault("Properties", Map.of()))));
        return found;
    }

    /** A section of {@code Globals} ({@code Function}, {@code HttpApi}, ...); empty when absent. */
    public Map<String, Object> globals(String section) {
        return asMap(asMap(root.getOrDefault("Globals", Map.of())).getOrDefault(section, Map.of()));
    }

    /** Parameter name → its {@code Default} as text, for the parameters that have one. */
    public Map<String, String> parameterDefaults() {
        Map<String, String> defaults = new LinkedHashMap<>();
        asMap(root.get("Parameters")).forEach((name, value) -> {
            Object fallback = asMap(value).get("Default");
            if (fallback != null) {
                defaults.put(name, fallback.toString());
            }
        });
        return defaults;
    }

    /** The names of the template's parameters, in template order. */
    public Set<String> parameterNames() {
        return asMap(root.get("Parameters")).keySet();
    }

    /** The names of the parameters whose values are lists ({@code CommaDelimitedList}, {@code List<...>}). */
    public Set<String> listParameters() {
        Set<String> lists = new HashSet<>();
        asMap(root.get("Parameters")).forEach((name, value) -> {
            String type = String.valueOf(asMap(value).get("Type"));
            if (type.equals("CommaDelimitedList") || type.startsWith("List<")) {
                lists.add(name);
            }
        });
        return lists;
    }

    /** Condition name → its raw definition, from the {@code Conditions} section. */
    public Map<String, Object> conditions() {
        return asMap(root.get("Conditions"));
    }

    /** Every {@code AWS::Serverless::Function}, with {@code Globals.Function} applied. */
    public List<FunctionDefinition> functions() {
        List<FunctionDefinition> functions = new ArrayList<>();
        resources("AWS::Serverless::Function").forEach((id, properties) ->
                functions.add(FunctionDefinition.of(id, withGlobals("Function", properties))));
        return functions;
    }

    /**
     * A SAM resource's properties with a section of {@code Globals} merged in as SAM merges it
     * (SAM docs, "Globals section of the AWS SAM template"): the resource's scalar wins, maps
     * merge key by key at every depth, lists are the global entries followed by the resource's.
     */
    public Map<String, Object> withGlobals(String section, Map<String, Object> properties) {
        return merge(globals(section), properties);
    }

    /**
     * Logical id → the whole definition ({@code Type}, {@code Properties}, and attributes such as
     * {@code DeletionPolicy} or {@code Condition}) of every resource of {@code type}, in template order.
     */
    public Map<String, Map<String, Object>> definitions(String type) {
        Map<String, Map<String, Object>> found = new LinkedHashMap<>();
        asMap(root.get("Resources")).forEach((id, value) -> {
            Map<String, Object> resource = asMap(value);
            if (type.equals(resource.get("Type"))) {
                found.put(id, resource);
            }
        });
        return found;
    }

    /** Parameter name → its whole definition ({@code Type}, {@code Default}, {@code AllowedValues}, ...). */
    public Map<String, Map<String, Object>> parameters() {
        Map<String, Map<String, Object>> parameters = new LinkedHashMap<>();
        asMap(root.get("Parameters")).forEach((name, value) -> parameters.put(name, asMap(value)));
        return parameters;
    }

    private static Map<String, Object> merge(Map<String, Object> global, Map<String, Object> local) {
        Map<String, Object> merged = new LinkedHashMap<>(global);
        local.forEach((key, value) -> merged.merge(key, value, SamTemplate::mergeValue));
        return merged;
    }

    private static Object mergeValue(Object global, Object local) {
        if (global instanceof Map<?, ?> && local instanceof Map<?, ?>) {
            return merge(asMap(global), asMap(local));
        }
        if (global instanceof List<?> && local instanceof List<?>) {
            List<Object> joined = new ArrayList<>(list(global));
            joined.addAll(list(local));
            return joined;
        }
        return local;
    }

    public FunctionDefinition function(String logicalId) {
        return functions().stream()
                .filter(f -> f.logicalId().equals(logicalId))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no function " + logicalId + " in the template"));
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> asMap(Object value) {
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?>)) {
            throw new IllegalStateException("expected a mapping in the template, found " + value);
        }
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    public static List<Object> list(Object value) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?>)) {
            throw new IllegalStateException("expected a list in the template, found " + value);
        }
        return (List<Object>) value;
    }

    /** Turns the short-form tags into {@link Intrinsic} values. */
    private static final class CloudFormationConstructor extends SafeConstructor {

        CloudFormationConstructor() {
            super(new LoaderOptions());
            for (String name : TAGS) {
                yamlConstructors.put(new Tag("!" + name), new ShortForm(name));
            }
        }

        private final class ShortForm extends AbstractConstruct {
            private final String function;

            ShortForm(String function) {
                this.function = function;
            }

            @Override
            public Object construct(Node node) {
                Object argument;
                if (node instanceof ScalarNode scalar) {
                    String value = scalar.getValue();
                    argument = function.equals("GetAtt") ? List.of(value.split("\\.", 2)) : value;
                } else if (node instanceof SequenceNode sequence) {
                    argument = constructSequence(sequence);
                } else {
                    argument = constructMapping((MappingNode) node);
                }
                return new Intrinsic(function, argument);
            }
        }
    }
}
