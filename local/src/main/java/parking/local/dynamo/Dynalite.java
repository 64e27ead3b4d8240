package parking.local.dynamo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import parking.local.NodeProcess;

/**
 * dynalite (npm, Apache-2.0), a DynamoDB engine on LevelDB, run as a child process on a free
 * loopback port. It keeps its data in memory, or on disk under a folder so that a restart loses
 * nothing.
 */
public final class Dynalite implements AutoCloseable {

    private static final String READY = "Dynalite listening at:";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    private final NodeProcess process;
    private final URI endpoint;

    private Dynalite(NodeProcess process, URI endpoint) {
        this.process = process;
        this.endpoint = endpoint;
    }

    /**
     * Starts dynalite from {@code <projectRoot>/local/node_modules} (installed by the build from
     * the committed lock file) on a free loopback port.
     *
     * @param dataDirectory where to keep the data; empty for an in-memory engine
     * @throws IllegalStateException when dynalite is not installed or does not start
     */
    public static Dynalite start(Path projectRoot, Optional<Path> dataDirectory) {
        // dynalite's --port 0 falls back to its default port, so a free port is picked here.
        return start(projectRoot, dataDirectory, "127.0.0.1", NodeProcess.freeLoopbackPort());
    }

    /**
     * Starts dynalite on a given address and port, for clients that expect a fixed endpoint.
     *
     * @throws IllegalStateException when dynalite is not installed or does not start (the port taken, for one)
     */
    public static Dynalite start(Path projectRoot, Optional<Path> dataDirectory, String host, int port) {
        Path cli = projectRoot.resolve("local/node_modules/dynalite/cli.js");
        if (!Files.isRegularFile(cli)) {
            throw new IllegalStateException(cli + " is missing: build once (./mvnw package, or any script, which builds first): it runs npm ci in local/");
        }
        List<String> arguments = new ArrayList<>(List.of("--host", host, "--port", Integer.toString(port),
                "--createTableMs", "0", "--deleteTableMs", "0", "--updateTableMs", "0"));
        dataDirectory.ifPresent(dir -> {
            createDirectories(dir);
            arguments.add("--path");
            arguments.add(dir.toString());
        });
        return new Dynalite(NodeProcess.start("dynalite", cli, arguments, READY, START_TIMEOUT), URI.create("http://" + host + ":" + port));
    }

    public URI endpoint() {
        return endpoint;
    }

    /** Waits until the engine's process ends (stopped by {@link #close()}, or failed); returns its exit code. */
    public int awaitExit() throws InterruptedException {
        return process.awaitExit();
    }

    @Override
    public void close() {
        process.close();
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
