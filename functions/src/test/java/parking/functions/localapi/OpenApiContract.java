package parking.functions.localapi;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.serialization.YamlMapperFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URLDecoder;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code openapi.yaml} as a judge of real HTTP exchanges. OpenAPI 3.1 schemas are JSON Schema
 * 2020-12; networknt's validator checks them in the OpenAPI 3.1 dialect, so {@code const}, type
 * arrays such as {@code [integer, "null"]} and {@code examples} mean what the document says.
 *
 * <p>What it holds an exchange to:
 * <ul>
 *   <li>the response: a status the operation documents; a {@code Content-Type} among its media
 *       types and a body valid against that schema (a text body as a JSON string), no body where
 *       none is documented; every required header present and every documented header valid;</li>
 *   <li>the request: path and query parameters, the form body (urlencoded or multipart; fields
 *       typed by their schema, as OpenAPI serialises them) and the bearer token requirement. The
 *       document and the API must agree on what is valid input: a request the document accepts
 *       must not be answered 400 (the document would be looser than the API), one it refuses
 *       must get a 4xx, and 401 when it lacks the token (the contract checks 401 first).</li>
 * </ul>
 */
final class OpenApiContract {

    /** One HTTP request as sent and its response as received. */
    record Exchange(String method, String path, String rawQuery, HttpHeaders requestHeaders, String requestBody,
                    int status, HttpHeaders responseHeaders, String responseBody) {
    }

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern INTEGER = Pattern.compile("-?(0|[1-9][0-9]*)");
    private static final Pattern NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");
    private static final Pattern BEARER = Pattern.compile("(?i)bearer +\\S.*");
    private static final Pattern PART_NAME = Pattern.compile("(?i)content-disposition:\\s*form-data;.*?\\bname=\"([^\"]*)\"");

    /** A node of the document and its JSON pointer, the address the schema validator resolves. */
    private record Located(JsonNode node, String pointer) {

        Located get(String name) {
            return new Located(node.path(name), pointer + "/" + name.replace("~", "~0").replace("/", "~1"));
        }

        Located get(int index) {
            return new Located(node.path(index), pointer + "/" + index);
        }

        boolean exists() {
            return !node.isMissingNode() && !node.isNull();
        }
    }

    /** The operation a request is for, with the values its path binds. */
    private record Operation(String template, Located pathItem, Located operation, Map<String, String> pathParameters) {
    }

    private final JsonNode document;
    private final String documentIri;
    private final SchemaRegistry registry;
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    private OpenApiContract(String text, String documentIri) {
        this.document = YamlMapperFactory.getInstance().readTree(text);
        this.documentIri = documentIri;
        // The document is handed over as it is: schemas are addressed by JSON pointers into it,
        // so their $refs resolve against it, and nothing is fetched from anywhere.
        this.registry = SchemaRegistry.withDialect(Dialects.getOpenApi31(), builder -> builder.schemas(Map.of(documentIri, text)));
    }

    static OpenApiContract load(Path file) {
        try {
            return new OpenApiContract(Files.readString(file, StandardCharsets.UTF_8), file.toAbsolutePath().toUri().toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the document objects to in the exchange; empty when it conforms. */
    List<String> violations(Exchange exchange) {
        Optional<Operation> found = operation(exchange.method(), exchange.path());
        if (found.isEmpty()) {
            return List.of("openapi.yaml has no operation " + exchange.method() + " " + exchange.path());
        }
        Operation operation = found.get();
        List<String> violations = new ArrayList<>();
        boolean tokenMissing = needsToken(operation)
                && !BEARER.matcher(exchange.requestHeaders().firstValue("Authorization").orElse("")).matches();
        List<String> refused = new ArrayList<>(requestProblems(operation, exchange));
        if (tokenMissing) {
            refused.add("no bearer token");
        }
        int status = exchange.status();
        if (refused.isEmpty() && status == 400) {
            violations.add("openapi.yaml accepts the request but the API answered 400 " + exchange.responseBody());
        }
        if (!refused.isEmpty() && (status < 400 || status > 499)) {
            violations.add("openapi.yaml refuses the request (" + String.join("; ", refused) + ") but the API answered " + status);
        }
        if (tokenMissing && status != 401) {
            violations.add("a request without a bearer token must get 401, not " + status);
        }
        violations.addAll(responseProblems(operation, exchange));
        return violations;
    }

    private Optional<Operation> operation(String method, String rawPath) {
        List<String> request = segments(rawPath);
        Located paths = new Located(document, "").get("paths");
        List<Operation> matches = new ArrayList<>();
        for (String template : paths.node().propertyNames()) {
            List<String> pattern = segments(template);
            if (pattern.size() != request.size()) {
                continue;
            }
            Map<String, String> bound = new LinkedHashMap<>();
            boolean fits = true;
            for (int i = 0; i < pattern.size() && fits; i++) {
                String segment = pattern.get(i);
                if (segment.startsWith("{") && segment.endsWith("}")) {
                    bound.put(segment.substring(1, segment.length() - 1), URLDecoder.decode(request.get(i).replace("+", "%2B"), StandardCharsets.UTF_8));
                } else {
                    fits = segment.equals(request.get(i));
                }
            }
            Located pathItem = paths.get(template);
            Located operation = pathItem.get(method.toLowerCase(Locale.ROOT));
            if (fits && operation.exists()) {
                matches.add(new Operation(template, pathItem, operation, bound));
            }
        }
        // Concrete paths match before templated ones (OpenAPI 3.1, "Paths Object").
        return matches.stream().min(Comparator.comparingInt(m -> m.pathParameters().size()));
    }

    private boolean needsToken(Operation operation) {
        JsonNode security = operation.operation().node().has("security") ? operation.operation().node().get("security") : document.path("security");
        if (!security.isArray() || security.isEmpty()) {
            return false;
        }
        for (JsonNode requirement : security) {
            if (requirement.isEmpty()) {
                return false;
            }
        }
        return true;
    }

    private List<String> requestProblems(Operation operation, Exchange exchange) {
        List<String> problems = new ArrayList<>();
        Map<String, String> query = query(exchange.rawQuery());
        for (Located parameter : parameters(operation)) {
            String name = parameter.node().path("name").asString();
            String in = parameter.node().path("in").asString();
            Optional<String> value = switch (in) {
                case "path" -> Optional.ofNullable(operation.pathParameters().get(name));
                case "query" -> Optional.ofNullable(query.get(name));
                case "header" -> exchange.requestHeaders().firstValue(name);
                default -> Optional.empty();
            };
            if (value.isEmpty()) {
                if (parameter.node().path("required").asBoolean(false)) {
                    problems.add(in + " parameter " + name + " missing");
                }
                continue;
            }
            // OpenAPI cannot say that one parameter needs another; the document says it with x-requires.
            String required = parameter.node().path("x-requires").asString("");
            if (!required.isEmpty() && !query.containsKey(required)) {
                problems.add(in + " parameter " + name + " without " + required);
            }
            Located schema = parameter.get("schema");
            problems.addAll(prefixed(in + " parameter " + name, validate(schema, typed(value.get(), schema))));
        }
        problems.addAll(bodyProblems(operation, exchange));
        return problems;
    }

    /** The path item's parameters, overridden by the operation's of the same name and place. */
    private List<Located> parameters(Operation operation) {
        Map<String, Located> byKey = new LinkedHashMap<>();
        for (Located list : List.of(operation.pathItem().get("parameters"), operation.operation().get("parameters"))) {
            for (int i = 0; i < list.node().size(); i++) {
                Located parameter = resolve(list.get(i));
                byKey.put(parameter.node().path("in").asString() + ":" + parameter.node().path("name").asString(), parameter);
            }
        }
        return List.copyOf(byKey.values());
    }

    private List<String> bodyProblems(Operation operation, Exchange exchange) {
        Located requestBody = resolve(operation.operation().get("requestBody"));
        if (!requestBody.exists()) {
            return List.of();
        }
        if (exchange.requestBody().isEmpty()) {
            return requestBody.node().path("required").asBoolean(false) ? List.of("no body") : List.of();
        }
        String contentType = exchange.requestHeaders().firstValue("Content-Type").orElse("");
        String mediaType = mediaType(contentType);
        Located media = requestBody.get("content").get(mediaType);
        if (!media.exists()) {
            return List.of("body of type " + (contentType.isEmpty() ? "(none)" : contentType) + ", not one of "
                    + List.copyOf(requestBody.node().path("content").propertyNames()));
        }
        Optional<Map<String, String>> fields = switch (mediaType) {
            case "application/x-www-form-urlencoded" -> Optional.of(query(exchange.requestBody()));
            case "multipart/form-data" -> boundary(contentType).flatMap(boundary -> multipart(exchange.requestBody(), boundary));
            default -> Optional.empty();
        };
        if (fields.isEmpty()) {
            return List.of("a " + mediaType + " body that does not decode");
        }
        Located schema = media.get("schema");
        Located properties = resolve(schema).get("properties");
        ObjectNode form = NODES.objectNode();
        fields.get().forEach((name, value) -> form.set(name, typed(value, properties.get(name))));
        return prefixed("form", validate(schema, form));
    }

    private List<String> responseProblems(Operation operation, Exchange exchange) {
        String name = exchange.method() + " " + operation.template() + " " + exchange.status();
        Located responses = operation.operation().get("responses");
        Located response = responses.get(Integer.toString(exchange.status()));
        if (!response.exists()) {
            response = responses.get("default");
        }
        if (!response.exists()) {
            return List.of(name + " is not documented (answered " + exchange.responseBody() + ")");
        }
        response = resolve(response);
        List<String> problems = new ArrayList<>();
        Located headers = response.get("headers");
        for (String header : headers.node().propertyNames()) {
            Located definition = resolve(headers.get(header));
            Optional<String> value = exchange.responseHeaders().firstValue(header);
            if (value.isEmpty()) {
                if (definition.node().path("required").asBoolean(false)) {
                    problems.add(name + ": header " + header + " missing");
                }
                continue;
            }
            Located schema = definition.get("schema");
            problems.addAll(prefixed(name + ": header " + header, validate(schema, typed(value.get(), schema))));
        }
        Located content = response.get("content");
        if (!content.exists() || content.node().isEmpty()) {
            if (!exchange.responseBody().isEmpty()) {
                problems.add(name + " documents no body, the API sent " + exchange.responseBody());
            }
            return problems;
        }
        String contentType = exchange.responseHeaders().firstValue("Content-Type").orElse("");
        Located media = content.get(mediaType(contentType));
        if (!media.exists()) {
            problems.add(name + ": Content-Type " + contentType + " is not one of " + List.copyOf(content.node().propertyNames()));
            return problems;
        }
        Located schema = media.get("schema");
        if (!schema.exists()) {
            return problems;
        }
        JsonNode body;
        if (isJson(mediaType(contentType))) {
            try {
                body = JSON.readTree(exchange.responseBody());
            } catch (JacksonException e) {
                problems.add(name + ": the body is not JSON: " + exchange.responseBody());
                return problems;
            }
        } else {
            body = NODES.stringNode(exchange.responseBody());
        }
        problems.addAll(prefixed(name + " body", validate(schema, body)));
        return problems;
    }

    /** Follows {@code $ref}s within the document (OpenAPI's reusable parameters, responses, headers). */
    private Located resolve(Located located) {
        Located current = located;
        for (int hops = 0; current.node().has("$ref"); hops++) {
            String ref = current.node().get("$ref").asString();
            if (!ref.startsWith("#/") || hops > 16) {
                throw new IllegalStateException("openapi.yaml: unsupported $ref " + ref + " at " + current.pointer());
            }
            String pointer = ref.substring(1);
            current = new Located(document.at(pointer), pointer);
        }
        return current;
    }

    private List<String> validate(Located schema, JsonNode instance) {
        Schema compiled = schemas.computeIfAbsent(schema.pointer(), pointer -> registry.getSchema(SchemaLocation.of(documentIri + "#" + pointer)));
        List<String> problems = new ArrayList<>();
        for (Error error : compiled.validate(instance)) {
            problems.add(error.getMessage() + " (" + instance + ")");
        }
        return problems;
    }

    /**
     * A form field, query parameter or header as the typed value OpenAPI means it to stand for:
     * a number, integer or boolean when its text is one and the schema allows that type, otherwise
     * the text itself (which then fails a schema that wants another type).
     */
    private JsonNode typed(String value, Located schema) {
        Set<String> types = types(schema);
        if (types.contains("integer") && INTEGER.matcher(value).matches()) {
            return NODES.numberNode(new BigInteger(value));
        }
        if (types.contains("number") && NUMBER.matcher(value).matches()) {
            return NODES.numberNode(new BigDecimal(value));
        }
        if (types.contains("boolean") && (value.equals("true") || value.equals("false"))) {
            return NODES.booleanNode(Boolean.parseBoolean(value));
        }
        return NODES.stringNode(value);
    }

    private Set<String> types(Located schema) {
        JsonNode type = resolve(schema).node().path("type");
        Set<String> types = new HashSet<>();
        if (type.isArray()) {
            type.forEach(t -> types.add(t.asString()));
        } else if (type.isString()) {
            types.add(type.asString());
        }
        return types;
    }

    private static List<String> prefixed(String where, List<String> problems) {
        return problems.stream().map(problem -> where + ": " + problem).toList();
    }

    private static List<String> segments(String path) {
        return List.of(path.split("/", -1));
    }

    private static String mediaType(String contentType) {
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }

    private static boolean isJson(String mediaType) {
        return mediaType.equals("application/json") || mediaType.endsWith("+json");
    }

    /** Name and value pairs of a query string or urlencoded body; the first of a repeated name counts. */
    private static Map<String, String> query(String raw) {
        Map<String, String> pairs = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return pairs;
        }
        for (String pair : raw.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            pairs.putIfAbsent(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return pairs;
    }

    private static Optional<String> boundary(String contentType) {
        Matcher boundary = Pattern.compile("(?i);\\s*boundary=\"?([^\";]+)\"?").matcher(contentType);
        return boundary.find() ? Optional.of(boundary.group(1)) : Optional.empty();
    }

    /** The fields of a multipart/form-data body (RFC 7578); file parts are ignored, as the API ignores them. */
    private static Optional<Map<String, String>> multipart(String body, String boundary) {
        Map<String, String> fields = new LinkedHashMap<>();
        String[] parts = body.split(Pattern.quote("--" + boundary), -1);
        for (int i = 1; i < parts.length; i++) {
            String part = parts[i];
            if (part.startsWith("--")) {
                return Optional.of(fields);
            }
            int headEnd = part.indexOf("\r\n\r\n");
            if (!part.startsWith("\r\n") || headEnd < 0 || !part.endsWith("\r\n")) {
                return Optional.empty();
            }
            String head = part.substring(2, headEnd);
            Matcher name = PART_NAME.matcher(head);
            if (!name.find()) {
                return Optional.empty();
            }
            if (!head.contains("filename=")) {
                fields.putIfAbsent(name.group(1), part.substring(headEnd + 4, part.length() - 2));
            }
        }
        return Optional.empty();
    }
}
