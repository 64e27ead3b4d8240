package parking.local.runtime;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A function's cold start, once, for timing: the main class of a JVM started exactly as
 * {@link LambdaRuntime}'s (same options, class path and environment), which builds the handler
 * the same way, serves one event read from a file instead of the Runtime API, writes the answer
 * to another file and exits.
 *
 * <p>Arguments: the event file and the result file. The result file holds {@code name=value}
 * lines ({@code snapshotHooksMs}: a SnapStart function's priming, 0 for others;
 * {@code invokeMs}: the invocation alone; {@code cpuMs}: the CPU time all the JVM's
 * threads used so far; {@code peakRssKb}: its peak resident memory, -1 where {@code /proc} does
 * not exist), an empty line, then the function's response as it would go to the Runtime API.
 */
public final class OneShot {

    private OneShot() {
    }

    public static void main(String[] args) throws Throwable {
        byte[] event = Files.readAllBytes(Path.of(args[0]));
        FunctionHandler handler = FunctionHandler.load(System.getenv("_HANDLER"),
                LambdaRuntime.codeLoader(Path.of(System.getenv("LAMBDA_TASK_ROOT"))));
        long loaded = System.nanoTime();
        LambdaRuntime.runSnapshotHooks();
        long built = System.nanoTime();
        InvocationContext.Environment environment = InvocationContext.Environment.fromProcess();
        RuntimeApiClient.Invocation invocation = new RuntimeApiClient.Invocation(UUID.randomUUID().toString(),
                System.currentTimeMillis() + TimeUnit.SECONDS.toMillis(30), "arn:aws:lambda:local", "Root=1-0-0", event);
        byte[] response = handler.invoke(event, new InvocationContext(environment, invocation));
        long answered = System.nanoTime();
        String header = "snapshotHooksMs=" + TimeUnit.NANOSECONDS.toMillis(built - loaded) + "\n"
                + "invokeMs=" + TimeUnit.NANOSECONDS.toMillis(answered - built) + "\n"
                + "cpuMs=" + ProcessHandle.current().info().totalCpuDuration().map(Duration::toMillis).orElse(-1L) + "\n"
                + "peakRssKb=" + PeakMemory.kb(ProcessHandle.current().pid()) + "\n\n";
        Files.write(Path.of(args[1]), concat(header.getBytes(StandardCharsets.UTF_8), response));
        System.exit(0);
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = new byte[first.length + second.length];
        System.arraycopy(first, 0, both, 0, first.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }
}
