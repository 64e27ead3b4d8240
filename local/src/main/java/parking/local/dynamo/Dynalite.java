package parking.local.dynamo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * dynalite (npm, Apache-2.0), a DynamoDB engine on LevelDB, run as a child process on a free
 * loopback port. It keeps its data in memory, or on disk under a folder so that a restart loses
 * nothing.
 */
public final class Dynalite implements AutoCloseable {

    private static final String READY = "Dynalite listening at:";
    private static final long START_TIMEOUT_SECONDS = 30;

    private final Process process;
    private final URI endpoint;

    private Dynalite(Process process, URI endpoint) {
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
        return start(projectRoot, dataDirectory, "127.0.0.1", freePort());
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
        List<String> command = new ArrayList<>(List.of("node", cli.toString(), "--host", host, "--port", Integer.toString(port),
                "--createTableMs", "0", "--deleteTableMs", "0", "--updateTableMs", "0"));
        dataDirectory.ifPresent(dir -> {
            command.add("--path");
            command.add(dir.toString());
        });
        try {
            dataDirectory.ifPresent(dir -> createDirectories(dir));
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            awaitReady(process);
            return new Dynalite(process, URI.create("http://" + host + ":" + port));
        } catch (IOException e) {
            throw new IllegalStateException("cannot start dynalite (is Node.js on the PATH?)", e);
        }
    }

    public URI endpoint() {
        return endpoint;
    }

    /** Waits until the engine's process ends (stopped by {@link #close()}, or failed); returns its exit code. */
    public int awaitExit() throws InterruptedException {
        return process.waitFor();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void awaitReady(Process process) {
        CompletableFuture<Void> ready = new CompletableFuture<>();
        StringBuilder output = new StringBuilder();
        Thread drain = new Thread(() -> {
            // Keep reading for the process's whole life: a full pipe would block dynalite.
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.startsWith(READY)) {
                        ready.complete(null);
                    } else if (!ready.isDone()) {
                        output.append(line).append('\n');
                    }
                }
            } catch (IOException closed) {
                // The process ended; the wait below reports it if it never became ready.
            }
            ready.completeExceptionally(new IllegalStateException("dynalite exited: " + output));
        }, "dynalite-output");
        drain.setDaemon(true);
        drain.start();
        try {
            ready.get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            throw new IllegalStateException("dynalite did not start: " + output, e);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting dynalite", e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
