package parking.local;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A Node.js program from {@code local/node_modules} run as a child process that says it is ready
 * by printing a line (dynalite, Stoplight Prism). Its output is read for its whole life, since a
 * full pipe would block it, and kept for error messages.
 */
public final class NodeProcess implements AutoCloseable {

    private final Process process;
    private final StringBuffer output;

    private NodeProcess(Process process, StringBuffer output) {
        this.process = process;
        this.output = output;
    }

    /**
     * Runs {@code node <script> <arguments>} and waits until a line of its output contains {@code ready}.
     *
     * @param name what the program is called in error messages
     * @throws IllegalStateException when Node.js cannot be run, or the program exits or stays silent past {@code timeout}
     */
    public static NodeProcess start(String name, Path script, List<String> arguments, String ready, Duration timeout) {
        List<String> command = new ArrayList<>(List.of("node", script.toString()));
        command.addAll(arguments);
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + name + " (is Node.js on the PATH?)", e);
        }
        StringBuffer output = new StringBuffer();
        CompletableFuture<Void> started = new CompletableFuture<>();
        Thread drain = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    output.append(line).append('\n');
                    if (line.contains(ready)) {
                        started.complete(null);
                    }
                }
            } catch (IOException closed) {
                // The process ended; the wait below reports it if it never became ready.
            }
            started.completeExceptionally(new IllegalStateException(name + " exited"));
        }, name + "-output");
        drain.setDaemon(true);
        drain.start();
        try {
            started.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            throw new IllegalStateException(name + " did not start: " + output, e);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting " + name, e);
        }
        return new NodeProcess(process, output);
    }

    /** A loopback port free right now, for a program that cannot pick one itself. */
    public static int freeLoopbackPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Everything the program has printed so far. */
    public String output() {
        return output.toString();
    }

    /** Waits until the program ends (stopped by {@link #close()}, or failed); returns its exit code. */
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
}
