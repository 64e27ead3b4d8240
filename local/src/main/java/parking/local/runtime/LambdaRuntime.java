package parking.local.runtime;

import com.amazonaws.services.lambda.runtime.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import parking.local.runtime.crac.Core;

/**
 * The main class of a function's JVM: a small Java runtime that speaks the Lambda Runtime API
 * the way the managed {@code java21} runtime does. It loads the function's code in its own class
 * loader (the deployment jar, or a folder with {@code lib/*.jar}, found through
 * {@code LAMBDA_TASK_ROOT}), builds the handler named by {@code _HANDLER} once, then serves one
 * invocation at a time for the life of the JVM.
 *
 * <p>This package uses only the JDK, {@code aws-lambda-java-core} and
 * {@code aws-lambda-java-serialization}: they are the JVM's whole class path besides the code.
 */
public final class LambdaRuntime {

    /** {@code AWS_LAMBDA_INITIALIZATION_TYPE} of a function version started from a SnapStart snapshot. */
    public static final String SNAP_START = "snap-start";

    private LambdaRuntime() {
    }

    /**
     * For a SnapStart function, what publishing a version does after init: the {@code org.crac}
     * hooks before the snapshot (priming), then those after its restore.
     */
    static void runSnapshotHooks() throws Exception {
        if (SNAP_START.equals(System.getenv("AWS_LAMBDA_INITIALIZATION_TYPE"))) {
            Core.checkpointRestore();
        }
    }

    public static void main(String[] args) {
        RuntimeApiClient api = new RuntimeApiClient(System.getenv("AWS_LAMBDA_RUNTIME_API"));
        FunctionHandler handler;
        try {
            handler = FunctionHandler.load(System.getenv("_HANDLER"), codeLoader(Path.of(System.getenv("LAMBDA_TASK_ROOT"))));
            runSnapshotHooks();
        } catch (Throwable e) {
            FunctionError error = FunctionError.of(e);
            error.print(System.err);
            api.initError(error);
            System.exit(1);
            return;
        }
        InvocationContext.Environment environment = InvocationContext.Environment.fromProcess();
        while (true) {
            RuntimeApiClient.Invocation invocation = api.next();
            Context context = new InvocationContext(environment, invocation);
            byte[] response;
            try {
                response = handler.invoke(invocation.payload(), context);
            } catch (Throwable e) {
                FunctionError error = FunctionError.of(e);
                error.print(System.err);
                api.error(invocation.requestId(), error);
                continue;
            }
            api.respond(invocation.requestId(), response);
        }
    }

    /**
     * The class loader of the function's code, a child of this runtime's, as the managed runtime
     * builds it: the task root itself (a jar here, a folder on AWS) and every jar in its lib/.
     */
    static ClassLoader codeLoader(Path taskRoot) {
        List<URL> urls = new ArrayList<>();
        urls.add(url(taskRoot));
        Path lib = taskRoot.resolve("lib");
        if (Files.isDirectory(lib)) {
            try (Stream<Path> jars = Files.list(lib)) {
                jars.filter(jar -> jar.toString().endsWith(".jar")).sorted().forEach(jar -> urls.add(url(jar)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new URLClassLoader(urls.toArray(URL[]::new), LambdaRuntime.class.getClassLoader());
    }

    private static URL url(Path path) {
        try {
            return path.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(path.toString(), e);
        }
    }
}
