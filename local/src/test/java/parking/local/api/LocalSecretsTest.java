package parking.local.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import parking.local.ProjectRoot;
import parking.local.template.SamTemplate;

class LocalSecretsTest {

    private static final SamTemplate TEMPLATE = SamTemplate.load(ProjectRoot.find().resolve("template.yaml"));

    @TempDir
    Path data;

    @Test
    void generatesTheJwtSecretOnceAndKeepsItOwnerOnlyBesideTheData() throws Exception {
        String first = LocalSecrets.load(TEMPLATE, Optional.of(data), Map.of()).get("JwtSecret").value();
        String second = LocalSecrets.load(TEMPLATE, Optional.of(data), Map.of()).get("JwtSecret").value();

        assertEquals(first, second);
        assertTrue(first.matches("[A-Za-z0-9]{64}"), "as long as the template's PasswordLength, alphanumeric");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("secrets/JwtSecret"))));
    }

    @Test
    void takesTheSecretFromParkingJwtSecretWhenSet() {
        LocalSecrets.Secret secret = LocalSecrets.load(TEMPLATE, Optional.of(data), Map.of("PARKING_JWT_SECRET", "x".repeat(48))).get("JwtSecret");

        assertEquals("x".repeat(48), secret.value());
        assertEquals("from PARKING_JWT_SECRET", secret.source());
        assertTrue(Files.notExists(data.resolve("secrets/JwtSecret")));
    }

    @Test
    void generatesAFreshSecretForEachThrowawayRun() {
        assertNotEquals(LocalSecrets.load(TEMPLATE, Optional.empty(), Map.of()).get("JwtSecret").value(),
                LocalSecrets.load(TEMPLATE, Optional.empty(), Map.of()).get("JwtSecret").value());
    }

    @Test
    void namesTheOverrideVariableAfterTheLogicalId() {
        assertEquals("JWT_SECRET", LocalSecrets.upperSnake("JwtSecret"));
        assertEquals("API2_KEY", LocalSecrets.upperSnake("Api2Key"));
    }
}
