package parking.local.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SettingsTest {

    private static final Path ROOT = Path.of("/checkout");

    private static Settings parse(String... args) throws Settings.BadArguments {
        return Settings.parse(List.of(args), ROOT, Map.of());
    }

    @Test
    void servesPort3000OnLoopbackWithDataUnderDotLocalDataByDefault() throws Exception {
        Settings settings = parse();

        assertEquals("127.0.0.1", settings.host());
        assertEquals(3000, settings.port());
        assertEquals(Optional.of(ROOT.resolve(".local-data")), settings.dataDirectory());
        assertEquals(ROOT.resolve("functions/target/functions.jar"), settings.code());
    }

    @Test
    void readsEveryOption() throws Exception {
        Settings settings = parse("--port", "8080", "--host", "0.0.0.0", "--in-memory",
                "--dynamodb-endpoint", "http://localhost:4566", "--env", "BCRYPT_COST=4", "--max-jvms", "2");

        assertEquals(8080, settings.port());
        assertEquals("0.0.0.0", settings.host());
        assertEquals(Optional.empty(), settings.dataDirectory());
        assertEquals(Optional.of(URI.create("http://localhost:4566")), settings.dynamoEndpoint());
        assertEquals(Map.of("BCRYPT_COST", "4"), settings.variableOverrides());
        assertEquals(2, settings.maxJvmsPerFunction());
    }

    @Test
    void readsTemplateParametersAsSamDeployTakesThem() throws Exception {
        Settings settings = parse("--parameter", "CorsAllowedOrigins=https://a.example,https://b.example", "--parameter", "BcryptCost=10");

        assertEquals(Map.of("CorsAllowedOrigins", "https://a.example,https://b.example", "BcryptCost", "10"), settings.parameterOverrides());
    }

    @Test
    void servesTheDatabaseAloneOnPort8000UnlessToldAnotherPort() throws Exception {
        assertTrue(parse("--dynamodb-only").dynamoDbOnly());
        assertEquals(8000, parse("--dynamodb-only").port());
        assertEquals(8001, parse("--dynamodb-only", "--port", "8001").port());
        assertEquals(8001, parse("--port", "8001", "--dynamodb-only").port());
    }

    @Test
    void rejectsWhatItDoesNotUnderstand() {
        assertThrows(Settings.BadArguments.class, () -> parse("--verbose"));
        assertThrows(Settings.BadArguments.class, () -> parse("--port"));
        assertThrows(Settings.BadArguments.class, () -> parse("--port", "http"));
        assertThrows(Settings.BadArguments.class, () -> parse("--port", "70000"));
        assertThrows(Settings.BadArguments.class, () -> parse("--env", "NOVALUE"));
        assertThrows(Settings.BadArguments.class, () -> parse("--parameter", "=x"));
        assertThrows(Settings.BadArguments.class, () -> parse("--dynamodb-endpoint", "localhost"));
    }
}
