package parking.local.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import parking.local.ProjectRoot;
import parking.local.template.FunctionDefinition;
import parking.local.template.SamTemplate;

/**
 * {@code local/sam-env-vars.json} stands in for what SAM CLI cannot test here (no Docker, no SAM
 * CLI on these machines): it must give every function of {@code template.yaml} every variable the
 * template declares for it and the code reads, with local values. Both lists are parsed, from the
 * template and from the code's environment reads, so a new function or variable cannot be
 * forgotten.
 */
class SamEnvVarsTest {

    private static final Path ROOT = ProjectRoot.find();
    private static final SamTemplate TEMPLATE = SamTemplate.load(ROOT.resolve("template.yaml"));
    private static final Map<String, Map<String, String>> FILE = read(ROOT.resolve(SamEnvVars.FILE));

    /** A variable read as {@code env.get("X")}, {@code getenv("X")}, {@code required("X")}, ... or named by a {@code *_VARIABLE} constant. */
    private static final Pattern ENVIRONMENT_READ = Pattern.compile(
            "(?:getenv|\\.get|\\.getOrDefault|\\.containsKey|required)\\(\\s*\"([A-Z][A-Z0-9_]*)\"|_VARIABLE\\s*=\\s*\"([A-Z][A-Z0-9_]*)\"");

    private static Map<String, Map<String, String>> read(Path file) {
        try {
            return new ObjectMapper().readValue(file.toFile(), new TypeReference<>() { });
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }

    /** Every variable the deployed code reads, except those Lambda itself sets (AWS_*, _HANDLER, ...). */
    private static Set<String> variablesTheCodeReads() throws IOException {
        Set<String> names = new TreeSet<>();
        for (String module : new String[] {"shared", "functions"}) {
            try (Stream<Path> sources = Files.walk(ROOT.resolve(module).resolve("src/main/java"))) {
                for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                    Matcher matcher = ENVIRONMENT_READ.matcher(Files.readString(source, StandardCharsets.UTF_8));
                    while (matcher.find()) {
                        names.add(matcher.group(1) != null ? matcher.group(1) : matcher.group(2));
                    }
                }
            }
        }
        names.removeIf(name -> name.startsWith("AWS_") || name.startsWith("LAMBDA_") || name.startsWith("_"));
        return names;
    }

    @Test
    void theCommittedFileIsTheOneTheTemplateGives() throws IOException {
        assertEquals(SamEnvVars.of(TEMPLATE), Files.readString(ROOT.resolve(SamEnvVars.FILE), StandardCharsets.UTF_8),
                SamEnvVars.FILE + " is out of date: regenerate it with local/run --write-sam-env-vars");
    }

    @Test
    void itNamesEveryFunctionOfTheTemplate() {
        assertEquals(TEMPLATE.functions().stream().map(FunctionDefinition::logicalId).collect(Collectors.toSet()), FILE.keySet());
    }

    @Test
    void eachFunctionGetsExactlyTheVariablesTheTemplateDeclaresForIt() {
        // SAM CLI silently ignores a variable the function does not declare.
        for (FunctionDefinition function : TEMPLATE.functions()) {
            assertEquals(function.environment().keySet(), FILE.get(function.logicalId()).keySet(), function.logicalId());
        }
    }

    @Test
    void everyVariableTheCodeReadsIsInTheFile() throws IOException {
        Set<String> read = variablesTheCodeReads();
        assertTrue(read.containsAll(Set.of("JWT_SECRET", "DYNAMODB_ENDPOINT", "USERS_TABLE", "SLOTS_TABLE")),
                "the code's environment reads are found: " + read);
        Set<String> given = FILE.values().stream().flatMap(variables -> variables.keySet().stream()).collect(Collectors.toSet());
        for (String name : read) {
            assertTrue(given.contains(name), name + " is read by the code but neither declared in template.yaml nor in " + SamEnvVars.FILE);
        }
    }

    @Test
    void everyFunctionGetsTheLocalDatabaseItsTableAndALocalOnlyKey() {
        Set<String> tables = TEMPLATE.resources("AWS::DynamoDB::Table").keySet();
        FILE.forEach((function, variables) -> {
            assertEquals("http://host.docker.internal:8000", variables.get("DYNAMODB_ENDPOINT"), function);
            variables.forEach((name, value) -> {
                assertFalse(value.contains("{{resolve:"), function + " " + name + " is resolved locally");
                if (name.endsWith("_TABLE")) {
                    assertTrue(tables.contains(value), function + " " + name + " names a table of the template: " + value);
                }
            });
            assertTrue(variables.get("JWT_SECRET").startsWith("sam-local-only-") && variables.get("JWT_SECRET").length() >= 32, function);
        });
    }
}
