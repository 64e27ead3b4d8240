package parking.functions.localapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import parking.local.api.LocalApi;

/**
 * What a function prints from its JVM's start through its first request is what CloudWatch
 * keeps, and Lambda's JSON log format filters only JSON lines: no SLF4J start-up warning, no
 * plain text. The function runs exactly as the local API runs it (its own JVM, the deployment jar,
 * the managed runtime's options), and its first request reaches DynamoDB.
 */
class FunctionOutputIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aFunctionPrintsOnlyJsonLinesFromItsColdStartOn() throws IOException {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        try (LocalApi api = LocalApi.start(List.of("--port", "0", "--in-memory", "--env", "BCRYPT_COST=4"),
                new PrintStream(console, true, StandardCharsets.UTF_8))) {
            // An unknown user: the function reads the table, then answers 401.
            HttpResponse<String> response = new Http(api.url()).postForm("/users/login", "username", "nobody", "password", "secret123");
            assertEquals(401, response.statusCode(), response.body());
        }

        String prefix = "[LoginFunction] ";
        List<String> lines = console.toString(StandardCharsets.UTF_8).lines().filter(line -> line.startsWith(prefix))
                .map(line -> line.substring(prefix.length())).toList();
        assertFalse(lines.isEmpty(), "the function printed its request line: " + console);
        for (String line : lines) {
            // Request lines carry a level; metric lines (embedded metric format) are JSON objects too.
            assertTrue(JSON.readTree(line).isObject(), "a JSON object: " + line);
        }
    }
}
