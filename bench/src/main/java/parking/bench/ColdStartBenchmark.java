package parking.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import parking.db.Dynamo;
import parking.local.ProjectRoot;
import parking.local.api.ContainerFunctions;
import parking.local.api.LocalApi;
import parking.local.api.StoryReplay;
import parking.local.container.AotTraining;
import parking.local.dynamo.Dynalite;
import parking.local.dynamo.TemplateTables;
import parking.local.template.FunctionDefinition;
import parking.local.template.SampleEvents;
import parking.local.template.SamTemplate;
import parking.local.runtime.NoOpHandler;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * {@code bench/coldstart}: each function's cold start on this machine. A run starts a fresh JVM
 * exactly as the local API starts the function's (the managed runtime's options for its memory,
 * the template's environment with its {@code JAVA_TOOL_OPTIONS}), builds the handler, serves the
 * function's sample event from {@code events/} against dynalite and exits. Before each run the
 * tables are emptied and the events that come before it in their story are replayed through warm
 * JVMs, so every run sees the same database and answers 2xx. The floor is {@link NoOpHandler} on
 * the same JVM; the reference is Node.js with the AWS SDK v3 doing one GetItem
 * ({@code bench/node}), when installed. The same run measures each function's container-image
 * launch ({@code container/launch}: the runtime interface client, without and with the function's
 * AOT cache, made first by {@code container/train}'s training on the same events).
 *
 * <p>Options: {@code --runs N} (default 5), {@code --once FunctionLogicalId} (that function, one
 * run, with its answer and JVM command), {@code --only Id,Id}, {@code --node DIR},
 * {@code --trial NAME=VALUE} (a variable for the measured JVMs only, e.g. other
 * {@code JAVA_TOOL_OPTIONS}); {@code --code} and {@code --env} go to the local API (another
 * package, another value of a template variable for every JVM); {@code --no-container} leaves out
 * the container-image rows.
 */
public final class ColdStartBenchmark {

    private static final String LOCAL_SECRET = "local";
    private static final String TABLE_HEADER = """
            | Function | wall ms | min-max | × floor | × Node.js | CPU ms | CPU × Node.js | priming ms | first invoke ms | peak RSS MB |
            | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
            """;

    /** What one kind of run measured. */
    private record Runs(String name, List<Long> totalMs, List<Long> primingMs, List<Long> invokeMs, List<Long> cpuMs, List<Long> peakRssKb) {

        Runs(String name) {
            this(name, new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        }

        void add(long total, long priming, long invoke, long cpu, long rss) {
            totalMs.add(total);
            primingMs.add(priming);
            invokeMs.add(invoke);
            cpuMs.add(cpu);
            peakRssKb.add(rss);
        }
    }

    private ColdStartBenchmark() {
    }

    public static void main(String[] args) {
        int runs = 5;
        Optional<String> once = Optional.empty();
        Optional<List<String>> only = Optional.empty();
        Optional<Path> node = Optional.empty();
        List<String> apiArgs = new ArrayList<>();
        Map<String, String> trial = new LinkedHashMap<>();
        boolean container = true;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--once" -> once = Optional.of(args[++i]);
                case "--only" -> only = Optional.of(List.of(args[++i].split(",")));
                case "--node" -> node = Optional.of(Path.of(args[++i]));
                case "--no-container" -> container = false;
                case "--trial" -> {
                    String[] pair = args[++i].split("=", 2);
                    trial.put(pair[0], pair[1]);
                }
                case "--code", "--env" -> {
                    apiArgs.add(args[i]);
                    apiArgs.add(args[++i]);
                }
                default -> {
                    System.err.println("unknown option " + args[i]);
                    System.exit(2);
                }
            }
        }
        Path root = ProjectRoot.find();
        SamTemplate template = SamTemplate.load(root.resolve("template.yaml"));
        List<SampleEvents.Sample> story = SampleEvents.story(root.resolve("events"), template.functions());
        try (Dynalite dynalite = Dynalite.start(root, Optional.empty());
             DynamoDbClient db = Dynamo.client(localAws(dynalite.endpoint()));
             LocalApi api = LocalApi.start(withLocalEngine(apiArgs, dynalite.endpoint()), new PrintStream(OutputStream.nullOutputStream()))) {
            if (once.isPresent()) {
                SampleEvents.Sample sample = sampleOf(story, once.get());
                LocalApi.ColdStart run = api.coldStart(sample.function().logicalId(), prepare(db, template, api, story, sample), trial);
                System.out.println(String.join(" ", run.javaCommand()));
                System.out.println(run.reply().status() + " " + run.reply().body());
                System.out.printf(Locale.ROOT, "%s: %d ms from JVM start to exit (SnapStart priming %d ms, first invocation %d ms), %d ms of CPU, peak RSS %s MB%n",
                        sample.function().logicalId(), run.totalMs(), run.snapshotHooksMs(), run.invokeMs(), run.cpuMs(), megabytes(run.peakRssKb()));
                return;
            }
            Optional<List<String>> selected = only;
            List<SampleEvents.Sample> measured = story.stream()
                    .filter(s -> selected.map(ids -> ids.contains(s.function().logicalId())).orElse(true))
                    .toList();
            Map<String, Runs> functions = new LinkedHashMap<>();
            Map<ContainerFunctions.Cache, Map<String, Runs>> containers = new LinkedHashMap<>();
            Map<String, Runs> floors = new LinkedHashMap<>();
            Optional<ContainerFunctions> images = container ? Optional.of(api.containers()) : Optional.empty();
            List<String> trainedIds = measured.stream().map(s -> s.function().logicalId()).distinct().toList();
            Optional<String> training = images.map(unused -> trainCaches(api, story, trainedIds));
            Runs nodeRuns = new Runs("Node.js 20 + AWS SDK v3 GetItem");
            Optional<Path> nodeScript = node.map(dir -> dir.resolve("get-item.mjs")).filter(Files::isRegularFile)
                    .filter(script -> Files.isDirectory(script.getParent().resolve("node_modules")));
            // Round after round rather than function after function, so a slower minute of a shared machine spreads over all rows.
            for (int round = 0; round < runs; round++) {
                for (SampleEvents.Sample sample : measured) {
                    String id = sample.function().logicalId();
                    byte[] event = prepare(db, template, api, story, sample);
                    record(functions.computeIfAbsent(sample.label(), Runs::new), checked(api.coldStart(id, event, trial), id));
                    if (images.isPresent()) {
                        for (ContainerFunctions.Cache cache : List.of(ContainerFunctions.Cache.OFF, ContainerFunctions.Cache.USE)) {
                            byte[] again = prepare(db, template, api, story, sample);
                            record(containers.computeIfAbsent(cache, unused -> new LinkedHashMap<>()).computeIfAbsent(sample.label(), name -> new Runs(name + containerLabel(cache))),
                                    checked(images.get().coldStart(id, again, cache, trial), id));
                        }
                    }
                    String floor = floorName(sample.function());
                    if (!floors.containsKey(floor) || floors.get(floor).totalMs().size() <= round) {
                        record(floors.computeIfAbsent(floor, Runs::new), checked(api.coldStart(id, event, noOp(trial)), floor));
                    }
                }
                nodeScript.ifPresent(script -> nodeRun(script, dynalite.endpoint(), nodeRuns));
            }
            print(measured, functions, floors, nodeRuns, runs, trial);
            training.ifPresent(summary -> printContainers(measured, containers, floors, nodeRuns, summary));
        }
    }

    /** Makes each measured function's AOT cache as {@code container/train} does; returns what it made. */
    private static String trainCaches(LocalApi api, List<SampleEvents.Sample> story, List<String> functions) {
        long started = System.nanoTime();
        Map<String, Path> caches = AotTraining.train(api, story, functions);
        long megabytes = caches.values().stream().mapToLong(ColdStartBenchmark::size).sum() / 1_000_000;
        return String.format(Locale.ROOT, "%d AOT caches, %d MB in all, made in %d s by one training run of each function on the events of events/.",
                caches.size(), megabytes, TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started));
    }

    private static String containerLabel(ContainerFunctions.Cache cache) {
        return cache == ContainerFunctions.Cache.USE ? ", container + AOT cache" : ", container, no cache";
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Empties the tables and replays, through warm JVMs, the story's events before this one; returns its event with a token. */
    private static byte[] prepare(DynamoDbClient db, SamTemplate template, LocalApi api, List<SampleEvents.Sample> story,
                                  SampleEvents.Sample measured) {
        db.listTables().tableNames().forEach(table -> db.deleteTable(request -> request.tableName(table)));
        awaitTables(db, tables -> tables.isEmpty());
        List<String> created = TemplateTables.createMissing(db, template);
        awaitTables(db, tables -> tables.containsAll(created)
                && created.stream().allMatch(table -> db.describeTable(request -> request.tableName(table)).table().tableStatus() == TableStatus.ACTIVE));
        try {
            return measured.with(StoryReplay.play(story.subList(0, story.indexOf(measured)), (before, event) -> api.invokeEvent(event)));
        } catch (IllegalStateException e) {
            throw new IllegalStateException("preparing " + measured.file().getFileName() + ": " + e.getMessage(), e);
        }
    }

    private static Map<String, String> noOp(Map<String, String> trial) {
        Map<String, String> variables = new LinkedHashMap<>(trial);
        variables.put("_HANDLER", NoOpHandler.class.getName());
        return variables;
    }

    /** dynalite finishes creating and deleting tables a moment after it answers. */
    private static void awaitTables(DynamoDbClient db, Predicate<List<String>> ready) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!ready.test(db.listTables().tableNames())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("dynalite's tables did not settle within 10 s");
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }

    private static LocalApi.ColdStart checked(LocalApi.ColdStart run, String what) {
        if (run.reply().status() >= 300) {
            throw new IllegalStateException(what + " answered " + run.reply().status() + " " + run.reply().body());
        }
        return run;
    }

    private static void record(Runs runs, LocalApi.ColdStart run) {
        runs.add(run.totalMs(), run.snapshotHooksMs(), run.invokeMs(), run.cpuMs(), run.peakRssKb());
    }

    /** The floor depends on what shapes the JVM: its memory (heap and metaspace sizes) and JAVA_TOOL_OPTIONS. */
    private static String floorName(FunctionDefinition function) {
        Object options = function.environment().get("JAVA_TOOL_OPTIONS");
        return "no-op, " + function.memoryMb() + " MB" + (options == null ? "" : ", " + options);
    }

    private static void nodeRun(Path script, URI endpoint, Runs runs) {
        try {
            Path result = Files.createTempFile("coldstart-node", ".txt");
            try {
                ProcessBuilder builder = new ProcessBuilder("node", "--no-warnings", script.toString(), result.toString())
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .redirectError(ProcessBuilder.Redirect.INHERIT);
                builder.environment().putAll(Map.of("AWS_REGION", "us-east-1", "AWS_ACCESS_KEY_ID", LOCAL_SECRET,
                        "AWS_SECRET_ACCESS_KEY", LOCAL_SECRET, "DYNAMODB_ENDPOINT", endpoint.toString(), "TABLE", "UsersTable"));
                long started = System.nanoTime();
                Process process = builder.start();
                if (process.waitFor() != 0) {
                    throw new IllegalStateException("the Node.js baseline failed");
                }
                long total = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
                Map<String, Long> figures = new LinkedHashMap<>();
                Files.readAllLines(result).forEach(line -> {
                    String[] pair = line.split("=", 2);
                    figures.put(pair[0], Long.parseLong(pair[1]));
                });
                runs.add(total, 0, figures.get("invokeMs"), figures.get("cpuMs"), figures.get("peakRssKb"));
            } finally {
                Files.deleteIfExists(result);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static void print(List<SampleEvents.Sample> measured, Map<String, Runs> functions, Map<String, Runs> floors, Runs node, int runs,
                              Map<String, String> trial) {
        System.out.printf(Locale.ROOT, "Cold start: fresh JVM -> handler built -> one sample event against dynalite -> exit; %d runs each.%n", runs);
        System.out.println("Wall ms: JVM start to exit, median (min-max). CPU ms: all threads' CPU time, median (steadier than wall time on a busy"
                + " machine). Priming: a SnapStart function's snapshot hooks, which Lambda runs when it publishes the version; its"
                + " restored environments then pay only the restore and the first invoke.");
        if (!trial.isEmpty()) {
            System.out.println("Measured JVMs also had: " + trial);
        }
        Optional<Runs> reference = reference(node);
        System.out.println(reference.map(n -> "Reference: Node.js + AWS SDK v3, fresh process, one GetItem: " + median(n.totalMs()) + " ms wall, "
                        + median(n.cpuMs()) + " ms CPU (medians).")
                .orElse("Reference: Node.js baseline not installed (bench/node); the issue's figure on this machine was about 210 ms."));
        System.out.println();
        System.out.print(TABLE_HEADER);
        for (SampleEvents.Sample sample : measured) {
            row(functions.get(sample.label()), floors.get(floorName(sample.function())), reference);
        }
        floors.values().forEach(floor -> row(floor, floor, reference));
        reference.ifPresent(n -> row(n, floors.values().iterator().next(), reference));
    }

    private static void printContainers(List<SampleEvents.Sample> measured, Map<ContainerFunctions.Cache, Map<String, Runs>> containers,
                                        Map<String, Runs> floors, Runs node, String training) {
        System.out.println();
        System.out.println("Container image launch (container/launch): the AWS Lambda runtime interface client, functions.jar on the class path,"
                + " C1 only, the managed runtime's memory options; without and with the function's AOT cache. " + training
                + " Wall ms: JVM start to the answer reaching the Runtime API; no priming (container images have no SnapStart).");
        System.out.println();
        System.out.print(TABLE_HEADER);
        Optional<Runs> reference = reference(node);
        for (Map<String, Runs> launch : containers.values()) {
            for (SampleEvents.Sample sample : measured) {
                row(launch.get(sample.label()), floors.get(floorName(sample.function())), reference);
            }
        }
        reference.ifPresent(n -> row(n, floors.values().iterator().next(), reference));
    }

    /** The Node.js runs, when the baseline is installed and ran. */
    private static Optional<Runs> reference(Runs node) {
        return node.totalMs().isEmpty() ? Optional.empty() : Optional.of(node);
    }

    private static void row(Runs runs, Runs floor, Optional<Runs> node) {
        long wall = median(runs.totalMs());
        long cpu = median(runs.cpuMs());
        System.out.printf(Locale.ROOT, "| %s | %d | %d-%d | %.2f | %s | %d | %s | %d | %d | %s |%n", runs.name(), wall,
                runs.totalMs().stream().mapToLong(Long::longValue).min().orElseThrow(),
                runs.totalMs().stream().mapToLong(Long::longValue).max().orElseThrow(),
                (double) wall / median(floor.totalMs()),
                node.map(n -> ratio(wall, median(n.totalMs()))).orElse("-"),
                cpu,
                node.map(n -> ratio(cpu, median(n.cpuMs()))).orElse("-"),
                median(runs.primingMs()),
                median(runs.invokeMs()),
                megabytes(median(runs.peakRssKb())));
    }

    private static String ratio(long value, long reference) {
        return String.format(Locale.ROOT, "%.2f", (double) value / reference);
    }

    static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    private static String megabytes(long kb) {
        return kb < 0 ? "n/a" : String.format(Locale.ROOT, "%.0f", kb / 1024.0);
    }

    private static SampleEvents.Sample sampleOf(List<SampleEvents.Sample> story, String function) {
        return story.stream()
                .filter(s -> s.function().logicalId().equals(function))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no function " + function + " with a sample event"));
    }

    private static List<String> withLocalEngine(List<String> apiArgs, URI endpoint) {
        List<String> all = new ArrayList<>(List.of("--port", "0", "--in-memory", "--dynamodb-endpoint", endpoint.toString()));
        all.addAll(apiArgs);
        return all;
    }

    private static Map<String, String> localAws(URI endpoint) {
        return Map.of("AWS_REGION", "us-east-1", "AWS_ACCESS_KEY_ID", LOCAL_SECRET, "AWS_SECRET_ACCESS_KEY", LOCAL_SECRET,
                Dynamo.ENDPOINT_VARIABLE, endpoint.toString());
    }
}
