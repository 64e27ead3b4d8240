package parking.local.api;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import parking.local.ProjectRoot;

/** What stops the local API from starting, and what it then says. */
class StartupTest {

    @TempDir
    Path data;

    private static Settings fixture() {
        return Settings.defaults(ProjectRoot.find(), Map.of())
                .withPort(0)
                .withTemplate(FixtureApi.TEMPLATE)
                .withCode(FixtureApi.CODE)
                .withDataDirectory(Optional.empty());
    }

    private static LocalApi start(Settings settings) {
        return LocalApi.start(settings, new PrintStream(OutputStream.nullOutputStream()));
    }

    @Test
    void refusesADataFolderThatAnotherLocalApiUses() {
        try (LocalApi first = start(fixture().withDataDirectory(Optional.of(data)))) {
            IllegalStateException refused = assertThrows(IllegalStateException.class,
                    () -> start(fixture().withDataDirectory(Optional.of(data))));
            assertTrue(refused.getMessage().contains("another local API is using " + data), refused.getMessage());
        }
        start(fixture().withDataDirectory(Optional.of(data))).close();
    }

    @Test
    void refusesAPortInUse() {
        try (LocalApi first = start(fixture())) {
            IllegalStateException refused = assertThrows(IllegalStateException.class,
                    () -> start(fixture().withPort(first.url().getPort())));
            assertTrue(refused.getMessage().contains("is in use"), refused.getMessage());
        }
    }

    @Test
    void refusesToOverrideAVariableNoFunctionDeclares() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> start(fixture().withVariableOverrides(Map.of("NOT_DECLARED", "1"))));
        assertTrue(refused.getMessage().contains("NOT_DECLARED"), refused.getMessage());
    }

    @Test
    void refusesAParameterTheTemplateDoesNotHave() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> start(fixture().withParameterOverrides(Map.of("NoSuchParameter", "1"))));
        assertTrue(refused.getMessage().contains("NoSuchParameter"), refused.getMessage());
    }

    @Test
    void refusesToStartWithoutTheDeploymentPackage() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> start(fixture().withCode(data.resolve("missing.jar"))));
        assertTrue(refused.getMessage().contains("./mvnw package"), refused.getMessage());
    }
}
