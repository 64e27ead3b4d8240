package parking.local.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import parking.db.Dynamo;
import parking.http.HttpApiEvent;
import parking.local.ProjectRoot;
import parking.local.dynamo.Dynalite;
import parking.local.dynamo.TemplateTables;
import parking.local.runtime.OneShot;
import parking.local.template.FunctionDefinition;
import parking.local.template.LocalValues;
import parking.local.template.SamTemplate;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The API of {@code template.yaml} on this machine, without Docker: every {@code HttpApi} route
 * served over HTTP as API Gateway serves it, each function in its own JVMs speaking the Lambda
 * Runtime API, and an embedded DynamoDB engine (dynalite) with the template's tables.
 * {@code local/run} starts it; see {@code local/README.md}.
 */
public final class LocalApi implements AutoCloseable {

    /** A function's answer to an event, mapped as API Gateway maps it. */
    public record Reply(int status, Map<String, String> headers, String body) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final Map<String, FunctionPool> pools;
    private final Optional<Dynalite> dynalite;
    private final Optional<DataLock> lock;
    private final ExecutorService executor;
    private final Routes routes;
    private final Gateway gateway;
    private final LambdaEnvironments environments;
    private final ContainerFunctions containers;

    private LocalApi(HttpServer server, Map<String, FunctionPool> pools, Optional<Dynalite> dynalite, Optional<DataLock> lock,
                     ExecutorService executor, Routes routes, Gateway gateway, LambdaEnvironments environments, ContainerFunctions containers) {
        this.server = server;
        this.pools = pools;
        this.dynalite = dynalite;
        this.lock = lock;
        this.executor = executor;
        this.routes = routes;
        this.gateway = gateway;
        this.environments = environments;
        this.containers = containers;
    }

    public static void main(String[] args) {
        long started = System.nanoTime();
        if (List.of(args).contains("--help")) {
            System.out.print(Settings.USAGE);
            return;
        }
        if (List.of(args).contains("--write-sam-env-vars")) {
            writeSamEnvVars(ProjectRoot.find());
            return;
        }
        Settings settings;
        try {
            settings = Settings.parse(List.of(args), ProjectRoot.find(), System.getenv());
        } catch (Settings.BadArguments e) {
            System.err.println(e.getMessage());
            System.err.print(Settings.USAGE);
            System.exit(2);
            return;
        }
        AutoCloseable running;
        try {
            running = settings.dynamoDbOnly() ? DatabaseOnly.start(settings, System.out) : start(settings, System.out);
        } catch (RuntimeException e) {
            // What the developer must fix, without a stack trace (an SDK error when the engine refuses).
            System.err.println("Cannot start the local " + (settings.dynamoDbOnly() ? "database" : "API") + ": " + e.getMessage());
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(running), "local-api-stop"));
        System.out.println("Ready in " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started) + " ms. Ctrl+C stops it.");
        if (running instanceof DatabaseOnly database) {
            try {
                System.out.println("The database engine stopped (exit code " + database.awaitExit() + ").");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** {@code local/run --write-sam-env-vars}: (re)writes {@link SamEnvVars#FILE} from the template. */
    private static void writeSamEnvVars(Path root) {
        Path file = root.resolve(SamEnvVars.FILE);
        try {
            Files.writeString(file, SamEnvVars.of(SamTemplate.load(root.resolve("template.yaml"))), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.println("Wrote " + root.relativize(file));
    }

    /**
     * Starts the local API with the same options as the command line (see {@link Settings#USAGE}),
     * from the checkout that holds the working directory.
     *
     * @throws IllegalArgumentException when the options are not understood
     * @throws IllegalStateException when something it needs is missing or cannot start
     */
    public static LocalApi start(List<String> args, PrintStream out) {
        try {
            return start(Settings.parse(args, ProjectRoot.find(), System.getenv()), out);
        } catch (Settings.BadArguments e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    static LocalApi start(Settings settings, PrintStream out) {
        Console console = new Console(out);
        SamTemplate template = SamTemplate.load(settings.template());
        List<FunctionDefinition> functions = template.functions();
        if (!Files.exists(settings.code())) {
            throw new IllegalStateException(settings.code() + " does not exist: build it with ./mvnw package (local/run does)");
        }
        checkOverrides(functions, settings.variableOverrides());
        checkParameters(template, settings.parameterOverrides());
        List<AutoCloseable> opened = new ArrayList<>();
        try {
            // The port and the data folder first: both fail fast when another local API holds them.
            HttpServer server = bind(settings);
            opened.add(() -> server.stop(0));
            Optional<DataLock> lock = settings.dataDirectory().map(DataLock::acquire);
            lock.ifPresent(opened::add);
            Map<String, LocalSecrets.Secret> secrets = LocalSecrets.load(template, settings.dataDirectory(), settings.hostEnvironment());
            LocalValues values = new LocalValues(template, secrets.entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, secret -> secret.getValue().value())), settings.parameterOverrides());

            boolean hasTables = !template.resources("AWS::DynamoDB::Table").isEmpty();
            Optional<Dynalite> dynalite = settings.dynamoEndpoint().isEmpty() && hasTables
                    ? Optional.of(Dynalite.start(settings.root(), settings.dataDirectory().map(dir -> dir.resolve("dynamodb"))))
                    : Optional.empty();
            dynalite.ifPresent(opened::add);
            ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
            opened.add(executor::shutdownNow);
            LambdaEnvironments.Aws aws = aws(settings, dynalite.map(Dynalite::endpoint).or(settings::dynamoEndpoint));
            List<String> tables = hasTables ? createTables(template, aws) : List.of();
            LambdaEnvironments environments = new LambdaEnvironments(values, settings.variableOverrides(), aws,
                    settings.code(), settings.hostEnvironment().get("PATH"));
            Routes routes = new Routes(functions);
            ContainerFunctions containers = new ContainerFunctions(routes, environments, console, executor, settings.root());
            Map<String, FunctionPool> pools = new LinkedHashMap<>();
            for (FunctionDefinition function : functions) {
                // With a fresh AOT cache (container/train), a function starts as its container image would, with the cache.
                boolean cached = containers.hasFreshCache(function.logicalId());
                List<String> command = LambdaEnvironments.javaCommand(function);
                pools.put(function.logicalId(), new FunctionPool(instance -> {
                    String name = instance == 1 ? function.logicalId() : function.logicalId() + "#" + instance;
                    return FunctionJvm.start(cached
                            ? containers.launch(function, name, ContainerFunctions.Cache.USE, Map.of())
                            : new FunctionJvm.Launch(function.logicalId(), name, environments.functionArn(function), function.timeoutSeconds(),
                                    command, environments.environment(function)), console, executor);
                }, settings.maxJvmsPerFunction()));
            }
            Gateway gateway = new Gateway(routes, pools, Cors.from(template, values),
                    new HttpApiEvent.Api("local", LocalValues.ACCOUNT), pages(settings), console);
            server.setExecutor(executor);
            server.createContext("/", gateway);
            server.start();
            LocalApi api = new LocalApi(server, pools, dynalite, lock, executor, routes, gateway, environments, containers);
            api.describe(console, settings, dynalite, aws, tables, secrets);
            containers.describe();
            return api;
        } catch (RuntimeException e) {
            for (AutoCloseable resource : opened.reversed()) {
                closeQuietly(resource);
            }
            throw e;
        }
    }

    /** The OpenAPI description beside the template, and Swagger UI as the build installs it from local/package-lock.json. */
    private static LocalPages pages(Settings settings) {
        return new LocalPages(openApiDocument(settings), settings.root().resolve("local/node_modules/swagger-ui-dist"));
    }

    private static Path openApiDocument(Settings settings) {
        return settings.template().toAbsolutePath().resolveSibling("openapi.yaml");
    }

    private static HttpServer bind(Settings settings) {
        try {
            return HttpServer.create(new InetSocketAddress(settings.host(), settings.port()), 64);
        } catch (BindException e) {
            throw new IllegalStateException(settings.host() + ":" + settings.port() + " is in use (another local API?); choose another with --port", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void closeQuietly(AutoCloseable resource) {
        try {
            resource.close();
        } catch (Exception suppressed) {
            // Already failing to start; the first error is the one to report.
        }
    }

    /** The API's base URL, e.g. {@code http://127.0.0.1:3000}. */
    public URI url() {
        InetSocketAddress address = server.getAddress();
        return URI.create("http://" + address.getHostString() + ":" + address.getPort());
    }

    /**
     * Sends an HTTP API event as it is (as {@code sam local invoke -e} does) to the function of
     * the route its {@code routeKey} names, and maps the answer as API Gateway would.
     *
     * @throws IllegalArgumentException when the event is not JSON or no route of the template has its routeKey
     */
    public Reply invokeEvent(byte[] event) {
        JsonNode parsed;
        try {
            parsed = JSON.readTree(event);
        } catch (IOException e) {
            throw new IllegalArgumentException("the event is not JSON", e);
        }
        String routeKey = parsed.path("routeKey").asText("");
        Routes.Route route = routes.all().stream()
                .filter(r -> r.routeKey().equals(routeKey))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no route " + routeKey + " in the template"));
        return reply(gateway.replay(routeKey, route.function().logicalId(), event).response());
    }

    /**
     * This API's functions started as their container image starts them, with its environment and database.
     *
     * @throws IllegalStateException when the deployment package is not a jar or the container runtime is not built
     */
    public ContainerFunctions containers() {
        containers.requireBuilt();
        return containers;
    }

    /**
     * One cold start, timed from outside the JVM.
     *
     * @param totalMs from starting the JVM to its exit, after it wrote the answer
     * @param snapshotHooksMs a SnapStart function's priming before its first invocation (on AWS, done when the version is published)
     * @param invokeMs the invocation alone, measured inside the JVM
     * @param cpuMs the CPU time of all the JVM's threads, which a busy machine does not inflate as it does wall time
     * @param peakRssKb the JVM's peak resident memory; -1 where the OS does not say
     * @param javaCommand the JVM's command line
     */
    public record ColdStart(Reply reply, long totalMs, long snapshotHooksMs, long invokeMs, long cpuMs, long peakRssKb, List<String> javaCommand) {
    }

    /**
     * Serves one event in a fresh JVM of the function, started exactly as its JVMs here are (the
     * managed runtime's options, the template's environment with {@code JAVA_TOOL_OPTIONS} if it
     * sets one) but with {@link OneShot} as main class, which exits after answering.
     *
     * @param variables set on top of the function's environment: {@code _HANDLER} names another
     *     handler (a no-op one measures the floor), {@code JAVA_TOOL_OPTIONS} tries other JVM options
     * @throws IllegalArgumentException when the template has no such function
     * @throws IllegalStateException when the JVM fails or outlives the function's timeout
     */
    public ColdStart coldStart(String functionLogicalId, byte[] event, Map<String, String> variables) {
        FunctionDefinition function = routes.function(functionLogicalId);
        try {
            Path eventFile = Files.createTempFile("coldstart-event", ".json");
            Path resultFile = Files.createTempFile("coldstart-result", ".txt");
            Path output = Files.createTempFile("coldstart-output", ".txt");
            try {
                Files.write(eventFile, event);
                List<String> command = LambdaEnvironments.javaCommand(function, OneShot.class.getName(),
                        eventFile.toString(), resultFile.toString());
                ProcessBuilder builder = new ProcessBuilder(command)
                        .redirectErrorStream(true)
                        .redirectOutput(output.toFile());
                builder.environment().clear();
                builder.environment().putAll(environments.environment(function));
                builder.environment().putAll(variables);
                long started = System.nanoTime();
                Process process = builder.start();
                if (!process.waitFor(FunctionJvm.INIT_LIMIT_MS + function.timeoutSeconds() * 1000L, TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException(functionLogicalId + " did not answer within its timeout");
                }
                long totalMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
                if (process.exitValue() != 0) {
                    throw new IllegalStateException(functionLogicalId + " failed: " + Files.readString(output, StandardCharsets.UTF_8).strip());
                }
                byte[] result = Files.readAllBytes(resultFile);
                String text = new String(result, StandardCharsets.UTF_8);
                int blank = text.indexOf("\n\n");
                Map<String, Long> figures = text.substring(0, blank).lines()
                        .map(line -> line.split("=", 2))
                        .collect(Collectors.toMap(pair -> pair[0], pair -> Long.parseLong(pair[1])));
                byte[] payload = text.substring(blank + 2).getBytes(StandardCharsets.UTF_8);
                return new ColdStart(reply(HttpApiResponses.from(payload)), totalMs, figures.get("snapshotHooksMs"), figures.get("invokeMs"), figures.get("cpuMs"),
                        figures.get("peakRssKb"), command);
            } finally {
                Files.deleteIfExists(eventFile);
                Files.deleteIfExists(resultFile);
                Files.deleteIfExists(output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (HttpApiResponses.MalformedResponse e) {
            throw new IllegalStateException(functionLogicalId + " answered no HTTP API response: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    static Reply reply(HttpResponse response) {
        Map<String, String> headers = new LinkedHashMap<>();
        response.headers().forEach(h -> headers.merge(h.getKey(), h.getValue(), (a, b) -> a + ", " + b));
        return new Reply(response.status(), headers, new String(response.body(), StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        server.stop(0);
        pools.values().forEach(FunctionPool::close);
        dynalite.ifPresent(Dynalite::close);
        lock.ifPresent(DataLock::close);
        executor.shutdownNow();
    }

    private void describe(Console console, Settings settings, Optional<Dynalite> engine, LambdaEnvironments.Aws aws,
                          List<String> tables, Map<String, LocalSecrets.Secret> secrets) {
        console.line("Local HTTP API of " + settings.root().relativize(settings.template().toAbsolutePath()) + " on " + url());
        int pathWidth = routes.all().stream().mapToInt(r -> r.path().length()).max().orElse(4);
        int functionWidth = routes.all().stream().mapToInt(r -> r.function().logicalId().length()).max().orElse(8);
        String row = "  %-7s %-" + pathWidth + "s  %-" + functionWidth + "s  %5s  %4s";
        console.line(String.format(row, "METHOD", "PATH", "FUNCTION", "MEMORY", "TIMEOUT"));
        routes.all().forEach(route -> console.line(String.format(row, route.method(), route.path(), route.function().logicalId(),
                route.function().memoryMb() + " MB", route.function().timeoutSeconds() + " s")));
        if (engine.isPresent()) {
            console.line("DynamoDB: dynalite at " + aws.dynamoEndpoint() + ", "
                    + settings.dataDirectory().map(dir -> "data in " + dir.resolve("dynamodb")).orElse("in memory (--in-memory: nothing kept)")
                    + "; tables " + String.join(", ", tables));
        } else if (aws.dynamoEndpoint() != null) {
            console.line("DynamoDB: " + aws.dynamoEndpoint() + "; tables " + String.join(", ", tables));
        }
        if (Files.exists(openApiDocument(settings))) {
            console.line("OpenAPI description (served locally only): " + url() + LocalPages.OPENAPI_PATH);
        }
        if (pages(settings).hasDocs()) {
            console.line("API reference, try it out in a browser (locally only): " + url() + LocalPages.DOCS_PATH);
        }
        secrets.forEach((id, secret) -> console.line("Secret " + id + ": " + secret.value().length() + " characters, " + secret.source()));
        if (!settings.variableOverrides().isEmpty()) {
            console.line("Overridden variables: " + String.join(", ", settings.variableOverrides().keySet()));
        }
        if (!settings.parameterOverrides().isEmpty()) {
            console.line("Parameters: " + settings.parameterOverrides().entrySet().stream()
                    .map(p -> p.getKey() + "=" + p.getValue()).collect(Collectors.joining(" ")));
        }
        console.line("Each function runs in its own JVMs (up to " + settings.maxJvmsPerFunction() + "), started on its first request.");
    }

    private static void checkOverrides(List<FunctionDefinition> functions, Map<String, String> overrides) {
        overrides.keySet().forEach(name -> {
            if (functions.stream().noneMatch(f -> f.environment().containsKey(name))) {
                throw new IllegalArgumentException("--env " + name + ": no function of the template declares that variable");
            }
        });
    }

    private static void checkParameters(SamTemplate template, Map<String, String> overrides) {
        overrides.keySet().forEach(name -> {
            if (!template.parameterNames().contains(name)) {
                throw new IllegalArgumentException("--parameter " + name + ": the template has no such parameter");
            }
        });
    }

    /**
     * Fake credentials for local engines (dynalite checks no signature); for another endpoint,
     * the credentials and region of the environment the local API runs in, when it has them.
     */
    static LambdaEnvironments.Aws aws(Settings settings, Optional<URI> endpoint) {
        Map<String, String> host = settings.dynamoEndpoint().isPresent() ? settings.hostEnvironment() : Map.of();
        String region = host.getOrDefault("AWS_REGION", host.getOrDefault("AWS_DEFAULT_REGION", LocalValues.REGION));
        String keyId = host.get("AWS_ACCESS_KEY_ID");
        String secret = host.get("AWS_SECRET_ACCESS_KEY");
        if (keyId == null || secret == null) {
            return new LambdaEnvironments.Aws(region, "local", "local", null, endpoint.map(URI::toString).orElse(null));
        }
        return new LambdaEnvironments.Aws(region, keyId, secret, host.get("AWS_SESSION_TOKEN"), endpoint.map(URI::toString).orElse(null));
    }

    static List<String> createTables(SamTemplate template, LambdaEnvironments.Aws aws) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("AWS_REGION", aws.region());
        env.put("AWS_ACCESS_KEY_ID", aws.accessKeyId());
        env.put("AWS_SECRET_ACCESS_KEY", aws.secretAccessKey());
        if (aws.sessionToken() != null) {
            env.put("AWS_SESSION_TOKEN", aws.sessionToken());
        }
        env.put(Dynamo.ENDPOINT_VARIABLE, aws.dynamoEndpoint());
        try (DynamoDbClient client = Dynamo.client(env)) {
            return TemplateTables.createMissing(client, template);
        }
    }
}
