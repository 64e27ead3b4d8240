package parking.functions.localapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import parking.local.ProjectRoot;
import parking.local.api.LocalApi;

/**
 * The five-minute tour runs as written: its bash blocks, verbatim, one after the other in one
 * {@code bash}, with {@code API} pointing at a local API, must print exactly the lines its
 * {@code # =>} comments promise. Skipped where curl or bash is not installed.
 */
@ExtendWith(SharedLocalApi.class)
class TourIT {

    /** The markdown file that holds the tour. */
    private static final Path TOUR = ProjectRoot.find().resolve("README.md");
    private static final String HEADING = "Five-minute tour";

    @Test
    void theFiveMinuteTourPrintsWhatItPromises(LocalApi api, @TempDir Path work) throws Exception {
        assumeTrue(installed("curl"), "curl is not installed: the tour cannot run");
        assumeTrue(installed("bash"), "bash is not installed: the tour cannot run");
        TourScript tour = TourScript.fromMarkdown(Files.readString(TOUR, StandardCharsets.UTF_8), HEADING);
        List<String> expected = tour.expectedOutput();
        assertFalse(expected.isEmpty(), TOUR + " has no \"" + HEADING + "\" section with bash blocks and # => lines");

        Path script = Files.writeString(work.resolve("tour.sh"), tour.script(), StandardCharsets.UTF_8);
        ProcessBuilder bash = new ProcessBuilder("bash", "-euo", "pipefail", script.toString())
                .directory(work.toFile())
                .redirectOutput(work.resolve("stdout").toFile())
                .redirectError(work.resolve("stderr").toFile());
        bash.environment().put("API", api.url().toString());
        Process run = bash.start();
        if (!run.waitFor(2, TimeUnit.MINUTES)) {
            run.destroyForcibly().waitFor();
        }
        List<String> printed = Files.readAllLines(work.resolve("stdout"), StandardCharsets.UTF_8);
        String report = "\n--- script ---\n" + tour.script() + "\n--- printed ---\n" + String.join("\n", printed)
                + "\n--- stderr ---\n" + Files.readString(work.resolve("stderr"), StandardCharsets.UTF_8);

        assertEquals(0, run.exitValue(), "the tour stopped with an error" + report);
        for (int i = 0; i < Math.min(expected.size(), printed.size()); i++) {
            assertTrue(TourScript.matches(expected.get(i), printed.get(i)),
                    "line " + (i + 1) + " of the output: expected\n  " + expected.get(i) + "\nbut the tour printed\n  " + printed.get(i) + report);
        }
        assertEquals(expected.size(), printed.size(), "the tour printed another number of lines than its # => lines promise" + report);
    }

    private static boolean installed(String command) throws IOException {
        String path = System.getenv().getOrDefault("PATH", "");
        try (Stream<String> folders = Stream.of(path.split(File.pathSeparator))) {
            return folders.filter(folder -> !folder.isEmpty())
                    .map(folder -> Path.of(folder, command))
                    .anyMatch(Files::isExecutable);
        }
    }
}
