package parking.local.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import parking.local.runtime.PeakMemory;

/**
 * One execution environment of a function: a JVM running {@code parking.local.runtime.LambdaRuntime}
 * and the Lambda Runtime API it polls, served on its own loopback port. It handles one invocation
 * at a time and stays up (warm) until the local API stops, or until an invocation times out and
 * it is killed, as Lambda does.
 */
final class FunctionJvm implements AutoCloseable {

    /** Everything needed to start an environment of one function. */
    record Launch(String functionName, String instanceName, String functionArn, int timeoutSeconds,
                  List<String> javaCommand, Map<String, String> environment) {
    }

    private static final String PREFIX = "/2018-06-01/runtime/";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Lambda gives a function's init phase 10 seconds before it retries init within the invoke's own timeout. */
    static final long INIT_LIMIT_MS = 10_000;

    private final Launch launch;
    private final Console console;
    private final HttpServer runtimeApi;
    private final Process process;
    private final long startedNanos = System.nanoTime();
    private final CompletableFuture<Long> initialised = new CompletableFuture<>();
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private volatile Pending current;
    private volatile boolean warm;
    private volatile boolean closed;

    private record Pending(String requestId, byte[] event, CompletableFuture<Invocation.Outcome> outcome) {
    }

    private FunctionJvm(Launch launch, Console console, ExecutorService executor) throws IOException {
        this.launch = launch;
        this.console = console;
        this.runtimeApi = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        runtimeApi.setExecutor(executor);
        runtimeApi.createContext(PREFIX, this::serveRuntimeApi);
        runtimeApi.start();
        ProcessBuilder builder = new ProcessBuilder(launch.javaCommand());
        builder.environment().clear();
        builder.environment().putAll(launch.environment());
        builder.environment().put("AWS_LAMBDA_RUNTIME_API", "127.0.0.1:" + runtimeApi.getAddress().getPort());
        try {
            this.process = builder.start();
        } catch (IOException e) {
            runtimeApi.stop(0);
            throw e;
        }
        pump(process.getInputStream(), executor);
        pump(process.getErrorStream(), executor);
        process.onExit().thenAccept(ended -> {
            Pending inFlight = current;
            if (inFlight != null) {
                inFlight.outcome().complete(new Invocation.Exited(ended.exitValue()));
            }
            initialised.completeExceptionally(new IllegalStateException("exited"));
        });
    }

    static FunctionJvm start(Launch launch, Console console, ExecutorService executor) {
        try {
            return new FunctionJvm(launch, console, executor);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a JVM for " + launch.functionName(), e);
        }
    }

    boolean alive() {
        return !closed && process.isAlive();
    }

    /** Runs one invocation; the caller makes sure nobody else uses this JVM meanwhile. */
    Invocation invoke(byte[] event) throws InterruptedException {
        boolean cold = !warm;
        Pending pending = new Pending(UUID.randomUUID().toString(), event, new CompletableFuture<>());
        current = pending;
        queue.add(pending);
        long coldStartMs = -1;
        try {
            long initMs = initialised.get(INIT_LIMIT_MS + launch.timeoutSeconds() * 1000L, TimeUnit.MILLISECONDS);
            if (cold) {
                coldStartMs = initMs;
                warm = true;
            }
        } catch (ExecutionException | TimeoutException e) {
            // The init error or the exit completed the outcome before failing the init.
            Invocation.Outcome failed = pending.outcome().getNow(new Invocation.TimedOut(launch.timeoutSeconds()));
            close();
            current = null;
            return new Invocation(failed, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos));
        }
        try {
            return new Invocation(pending.outcome().get(launch.timeoutSeconds(), TimeUnit.SECONDS), coldStartMs);
        } catch (TimeoutException e) {
            close();
            return new Invocation(new Invocation.TimedOut(launch.timeoutSeconds()), coldStartMs);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            current = null;
        }
    }

    /** The CPU time all the JVM's threads have used so far; -1 where the OS does not say. */
    long cpuMs() {
        return process.toHandle().info().totalCpuDuration().map(Duration::toMillis).orElse(-1L);
    }

    long peakRssKb() {
        return PeakMemory.kb(process.pid());
    }

    /**
     * Ends the JVM as Lambda's shutdown does (SIGTERM: shutdown hooks run, and an AOT training
     * run writes its cache) and waits for it to exit, killing it after {@code patience}.
     */
    void stop(Duration patience) throws InterruptedException {
        closed = true;
        // Through the handle: Process.destroy() would also close our end of the JVM's output, and
        // the child JVM that assembles an AOT cache, writing to the same pipe, would die of SIGPIPE.
        process.toHandle().destroy();
        if (!process.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
        }
        runtimeApi.stop(0);
    }

    @Override
    public void close() {
        closed = true;
        process.destroyForcibly();
        runtimeApi.stop(0);
    }

    private void serveRuntimeApi(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath().substring(PREFIX.length());
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (path.equals("invocation/next")) {
                next(exchange);
            } else if (path.equals("init/error")) {
                Pending waiting = current;
                if (waiting != null) {
                    waiting.outcome().complete(new Invocation.InitFailed(errorType(exchange, body)));
                }
                initialised.completeExceptionally(new IllegalStateException("init error"));
                accepted(exchange);
            } else if (path.startsWith("invocation/") && (path.endsWith("/response") || path.endsWith("/error"))) {
                String requestId = path.substring("invocation/".length(), path.lastIndexOf('/'));
                Pending answered = current;
                if (answered != null && answered.requestId().equals(requestId)) {
                    answered.outcome().complete(path.endsWith("/response")
                            ? new Invocation.Answered(body)
                            : new Invocation.Failed(errorType(exchange, body)));
                }
                accepted(exchange);
            } else {
                exchange.sendResponseHeaders(404, -1);
            }
        }
    }

    private void next(HttpExchange exchange) throws IOException {
        initialised.complete(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos));
        Pending pending = null;
        try {
            while (pending == null) {
                pending = queue.poll(1, TimeUnit.SECONDS);
                if (pending == null && !process.isAlive()) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        long deadline = System.currentTimeMillis() + launch.timeoutSeconds() * 1000L;
        var headers = exchange.getResponseHeaders();
        headers.add("Content-Type", "application/json");
        headers.add("Lambda-Runtime-Aws-Request-Id", pending.requestId());
        headers.add("Lambda-Runtime-Deadline-Ms", Long.toString(deadline));
        headers.add("Lambda-Runtime-Invoked-Function-Arn", launch.functionArn());
        headers.add("Lambda-Runtime-Trace-Id", "Root=1-" + Long.toHexString(System.currentTimeMillis() / 1000) + "-" + pending.requestId().replace("-", "").substring(0, 24));
        exchange.sendResponseHeaders(200, pending.event().length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(pending.event());
        }
    }

    private static void accepted(HttpExchange exchange) throws IOException {
        byte[] ok = "{\"status\":\"OK\"}".getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(202, ok.length);
        exchange.getResponseBody().write(ok);
    }

    private static String errorType(HttpExchange exchange, byte[] body) {
        String header = exchange.getRequestHeaders().getFirst("Lambda-Runtime-Function-Error-Type");
        if (header != null) {
            return header;
        }
        try {
            JsonNode error = JSON.readTree(body);
            return error.path("errorType").asText("Unknown");
        } catch (IOException e) {
            return "Unknown";
        }
    }

    private void pump(InputStream stream, ExecutorService executor) {
        executor.execute(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    console.functionLine(launch.instanceName(), line);
                }
            } catch (IOException closed) {
                // The JVM ended; nothing more to show.
            }
        });
    }
}
