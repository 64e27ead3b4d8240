package parking.local.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import parking.local.template.FunctionDefinition;

/**
 * The template's functions started as their container image starts them: {@code container/launch}
 * (the AWS Lambda runtime interface client, functions.jar on the class path, the function's AOT
 * cache), against this local API's Runtime API, environment and database. The caches live beside
 * the deployment jar, in {@code aot/}, one per handler; {@code container/train} makes them.
 */
public final class ContainerFunctions {

    /** What a JVM does with its function's AOT cache. */
    public enum Cache {
        /** Runs with the cache when there is one. */
        USE,
        /** A training run: records what the JVM loads and writes the cache when it exits. */
        TRAIN,
        /** Runs without it: the same launch, for comparison. */
        OFF
    }

    /** The first JDK with both halves of the AOT cache: -XX:AOTCache (JEP 483, JDK 24) and -XX:AOTCacheOutput (JEP 514, JDK 25). */
    private static final int AOT_CACHE_JDK = 25;

    /** How long a training JVM gets to write its cache after SIGTERM (it starts a second JVM to assemble it). */
    private static final Duration CACHE_WRITING = Duration.ofMinutes(2);

    private final Routes routes;
    private final LambdaEnvironments environments;
    private final Console console;
    private final ExecutorService executor;
    private final Path launchScript;
    private final Path runtimeLib;

    ContainerFunctions(Routes routes, LambdaEnvironments environments, Console console, ExecutorService executor, Path root) {
        this.routes = routes;
        this.environments = environments;
        this.console = console;
        this.executor = executor;
        this.launchScript = root.resolve("container").resolve("launch");
        this.runtimeLib = builtBesideThisModule().resolve("container").resolve("runtime");
    }

    /** @throws IllegalStateException when this JDK, the deployment package or the build cannot launch a container JVM */
    void requireBuilt() {
        unbuilt().ifPresent(reason -> {
            throw new IllegalStateException(reason);
        });
    }

    /** Why this JDK, the deployment package or the build cannot launch a container JVM; empty when they can. */
    private Optional<String> unbuilt() {
        if (Runtime.version().feature() < AOT_CACHE_JDK) {
            return Optional.of("the container launch needs JDK " + AOT_CACHE_JDK + " or newer (AOT cache options); this is " + Runtime.version());
        }
        if (!Files.isRegularFile(environments.code())) {
            return Optional.of("a container image takes the deployment jar; " + environments.code() + " is not one");
        }
        if (!Files.isDirectory(runtimeLib)) {
            return Optional.of(runtimeLib + " does not exist: build it with ./mvnw package");
        }
        return Optional.empty();
    }

    /**
     * Whether the function has an AOT cache made since the deployment jar was built, which this
     * JDK can use (the JVM itself checks that the cache matches it and its class path).
     */
    boolean hasFreshCache(String functionLogicalId) {
        if (unbuilt().isPresent()) {
            return false;
        }
        Path cache = cacheFile(functionLogicalId);
        try {
            return Files.isRegularFile(cache) && Files.getLastModifiedTime(cache).compareTo(Files.getLastModifiedTime(environments.code())) > 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Tells the developer which functions start with their AOT cache, or how to get them. */
    void describe() {
        List<String> cached = routes.all().stream().map(route -> route.function().logicalId()).distinct().filter(this::hasFreshCache).toList();
        if (!cached.isEmpty()) {
            console.line("Started as their container image, with their AOT cache (container/train): " + String.join(", ", cached) + ".");
        } else if (Runtime.version().feature() >= AOT_CACHE_JDK && Files.isRegularFile(environments.code())) {
            console.line("Faster first requests: container/train makes each function's AOT cache (a few minutes; again after each build).");
        }
    }

    /** A running JVM of a function. */
    public final class Running implements AutoCloseable {

        private final FunctionJvm jvm;

        private Running(FunctionJvm jvm) {
            this.jvm = jvm;
        }

        /** Serves one event and maps the answer as API Gateway would. */
        public LocalApi.Reply invoke(byte[] event) {
            return answer(run(event));
        }

        /** Ends the JVM as Lambda does (SIGTERM) and waits until it has exited: a training run has then written its cache. */
        public void stop() {
            try {
                jvm.stop(CACHE_WRITING);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }

        @Override
        public void close() {
            jvm.close();
        }

        private Invocation run(byte[] event) {
            try {
                return jvm.invoke(event);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }

    /**
     * Starts a JVM of the function; it builds the handler and waits for events.
     *
     * @param variables set on top of the function's environment, e.g. {@code JAVA_TOOL_OPTIONS} to try other JVM options
     */
    public Running start(String functionLogicalId, Cache cache, Map<String, String> variables) {
        requireBuilt();
        FunctionDefinition function = routes.function(functionLogicalId);
        return new Running(FunctionJvm.start(launch(function, function.logicalId() + " (container)", cache, variables), console, executor));
    }

    FunctionJvm.Launch launch(FunctionDefinition function, String instanceName, Cache cache, Map<String, String> variables) {
        Map<String, String> env = environment(function, cache);
        env.putAll(variables);
        return new FunctionJvm.Launch(function.logicalId(), instanceName, environments.functionArn(function), function.timeoutSeconds(),
                javaCommand(function), env);
    }

    /**
     * One cold start of the function's container JVM, timed from outside: from starting the
     * process to its answer reaching the Runtime API (the JVM is then stopped, not left to exit).
     */
    public LocalApi.ColdStart coldStart(String functionLogicalId, byte[] event, Cache cache, Map<String, String> variables) {
        long started = System.nanoTime();
        try (Running running = start(functionLogicalId, cache, variables)) {
            Invocation invocation = running.run(event);
            long totalMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            LocalApi.Reply reply = answer(invocation);
            return new LocalApi.ColdStart(reply, totalMs, 0, totalMs - invocation.coldStartMs(), running.jvm.cpuMs(), running.jvm.peakRssKb(),
                    javaCommand(routes.function(functionLogicalId)));
        }
    }

    /** Where the function's cache is (or will be). */
    public Path cacheFile(String functionLogicalId) {
        return cacheDirectory().resolve(routes.function(functionLogicalId).handler().replaceAll("[^A-Za-z0-9._-]", "_") + ".aot");
    }

    private Path cacheDirectory() {
        return environments.code().toAbsolutePath().resolveSibling("aot");
    }

    private List<String> javaCommand(FunctionDefinition function) {
        return List.of(launchScript.toString(), function.handler());
    }

    /**
     * The function's environment as Lambda sets it for a container image: no SnapStart (images
     * cannot use it) and no {@code AWS_EXECUTION_ENV} (set for managed runtimes only); plus where
     * {@code container/launch} finds the JDK, the jars and the cache on this machine.
     */
    private Map<String, String> environment(FunctionDefinition function, Cache cache) {
        Map<String, String> env = new LinkedHashMap<>(environments.environment(function));
        env.put("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");
        env.remove("AWS_EXECUTION_ENV");
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("FUNCTION_JAR", environments.code().toAbsolutePath().toString());
        env.put("RUNTIME_LIB", runtimeLib.toString());
        env.put("AOT_CACHE_DIR", cacheDirectory().toString());
        switch (cache) {
            case TRAIN -> env.put("AOT_TRAINING", "1");
            case OFF -> env.put("AOT_CACHE", "off");
            case USE -> { }
        }
        return env;
    }

    private static LocalApi.Reply answer(Invocation invocation) {
        if (!(invocation.outcome() instanceof Invocation.Answered answered)) {
            throw new IllegalStateException("the function did not answer: " + invocation.outcome());
        }
        try {
            return LocalApi.reply(HttpApiResponses.from(answered.payload()));
        } catch (HttpApiResponses.MalformedResponse e) {
            throw new IllegalStateException("the function answered no HTTP API response: " + e.getMessage(), e);
        }
    }

    /** {@code local/target}: the folder of local-api.jar, or of the compiled classes when run from the build. */
    private static Path builtBesideThisModule() {
        try {
            return Path.of(ContainerFunctions.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the local API's build", e);
        }
    }
}
