package parking.functions.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import parking.local.ProjectRoot;
import parking.local.api.ContainerFunctions;
import parking.local.api.LocalApi;
import parking.local.template.SampleEvents;
import parking.local.template.SamTemplate;

/**
 * The container-image launch that BENCHMARKS.md measures and {@code container/Dockerfile} wraps:
 * {@code container/train} writes a function's AOT cache by replaying {@code events/}, and a fresh
 * JVM started by {@code container/launch} maps that cache and serves the function's event.
 */
class ContainerImageIT {

    private static final Path ROOT = ProjectRoot.find();
    private static final String FUNCTION = "ListUsersFunction";
    /** With this, a JVM that cannot map its AOT cache refuses to start instead of running without it. */
    private static final Map<String, String> CACHE_REQUIRED = Map.of("JAVA_TOOL_OPTIONS", "-XX:AOTMode=on");

    @TempDir
    Path dir;

    @Test
    void theTrainingScriptWritesACacheThatAFreshContainerJvmMapsWhileServingItsEvent() throws Exception {
        Path jar = Files.copy(ROOT.resolve("functions/target/functions.jar"), dir.resolve("functions.jar"));

        Path log = dir.resolve("train.log");
        ProcessBuilder training = new ProcessBuilder(ROOT.resolve("container/train").toString(), "--only", FUNCTION, "--code", jar.toString())
                .directory(ROOT.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        training.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process process = training.start();
        assertTrue(process.waitFor(5, TimeUnit.MINUTES), "container/train did not finish within 5 minutes");
        assertEquals(0, process.exitValue(), () -> read(log));

        try (LocalApi api = LocalApi.start(List.of("--port", "0", "--in-memory", "--code", jar.toString(), "--env", "BCRYPT_COST=4"), System.out)) {
            ContainerFunctions containers = api.containers();
            assertTrue(Files.isRegularFile(containers.cacheFile(FUNCTION)), () -> read(log));
            byte[] event = eventWithData(api);

            LocalApi.ColdStart withCache = containers.coldStart(FUNCTION, event, ContainerFunctions.Cache.USE, CACHE_REQUIRED);

            assertEquals(200, withCache.reply().status(), withCache.reply().body());
            assertTrue(withCache.reply().body().startsWith("[{\"id\":1,"), withCache.reply().body());
            assertThrows(IllegalStateException.class,
                    () -> containers.coldStart(FUNCTION, event, ContainerFunctions.Cache.OFF, CACHE_REQUIRED),
                    "without its cache, a JVM that requires one must not start");
        }
    }

    /** Replays the story of events/ up to the function's event, whose token it then fills in. */
    private static byte[] eventWithData(LocalApi api) {
        List<SampleEvents.Sample> story = SampleEvents.story(ROOT.resolve("events"), SamTemplate.load(ROOT.resolve("template.yaml")).functions());
        SampleEvents.Credentials credentials = SampleEvents.Credentials.PLACEHOLDERS;
        for (SampleEvents.Sample sample : story) {
            if (sample.function().logicalId().equals(FUNCTION)) {
                return sample.with(credentials);
            }
            LocalApi.Reply reply = api.invokeEvent(sample.with(credentials));
            assertTrue(reply.status() < 300, sample.file().getFileName() + " answered " + reply.status() + " " + reply.body());
            credentials = credentials.after(sample, reply.body());
        }
        throw new AssertionError(FUNCTION + " has no event in events/");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }
}
