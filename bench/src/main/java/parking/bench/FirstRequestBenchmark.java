package parking.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import parking.local.ProjectRoot;
import parking.local.api.LocalApi;
import parking.local.api.StoryReplay;
import parking.local.container.AotTraining;
import parking.local.template.FunctionDefinition;
import parking.local.template.SampleEvents;
import parking.local.template.SamTemplate;

/**
 * {@code bench/first-requests}: what a developer waits for at each function's first request to
 * {@code local/run}, without and with the functions' AOT caches. Each run starts the local API in
 * memory and replays the story of {@code events/}; a function's first event is its cold request,
 * timed from sending it to its answer. Without caches, the deployment jar is a copy in a folder
 * with no {@code aot/} (the JVMs start as today); with them, {@code container/train} has made
 * fresh caches first (the JVMs start as their container image would, with the cache).
 *
 * <p>Options: {@code --runs N} (default 3).
 */
public final class FirstRequestBenchmark {

    private FirstRequestBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int runs = args.length == 2 && args[0].equals("--runs") ? Integer.parseInt(args[1]) : 3;
        Path root = ProjectRoot.find();
        List<FunctionDefinition> functions = SamTemplate.load(root.resolve("template.yaml")).functions();
        List<SampleEvents.Sample> story = SampleEvents.story(root.resolve("events"), functions);
        Path jar = root.resolve("functions/target/functions.jar");
        Path uncached = Files.createTempDirectory("first-requests").resolve("functions.jar");
        Files.copy(jar, uncached);
        try (LocalApi api = LocalApi.start(List.of("--port", "0", "--in-memory"), quiet())) {
            AotTraining.train(api, story, functions.stream().map(FunctionDefinition::logicalId).toList());
        }
        Map<String, List<Long>> before = new LinkedHashMap<>();
        Map<String, List<Long>> after = new LinkedHashMap<>();
        for (int run = 0; run < runs; run++) {
            firstRequests(uncached, story).forEach((function, ms) -> before.computeIfAbsent(function, unused -> new ArrayList<>()).add(ms));
            firstRequests(jar, story).forEach((function, ms) -> after.computeIfAbsent(function, unused -> new ArrayList<>()).add(ms));
        }
        Files.delete(uncached);
        Files.delete(uncached.getParent());
        System.out.printf(Locale.ROOT, "First request to each function through local/run's API (in memory), median of %d runs: sent to answered.%n", runs);
        System.out.println();
        System.out.println("| Function | without AOT caches ms | with AOT caches (container/train) ms | ratio |");
        System.out.println("| --- | ---: | ---: | ---: |");
        before.forEach((function, ms) -> System.out.printf(Locale.ROOT, "| %s | %d | %d | %.2f |%n", function, ColdStartBenchmark.median(ms), ColdStartBenchmark.median(after.get(function)),
                (double) ColdStartBenchmark.median(after.get(function)) / ColdStartBenchmark.median(ms)));
    }

    /** One fresh local API: each function's first request in the story, in milliseconds. */
    private static Map<String, Long> firstRequests(Path code, List<SampleEvents.Sample> story) {
        Map<String, Long> first = new LinkedHashMap<>();
        try (LocalApi api = LocalApi.start(List.of("--port", "0", "--in-memory", "--code", code.toString()), quiet())) {
            StoryReplay.play(story, (sample, event) -> {
                long started = System.nanoTime();
                LocalApi.Reply reply = api.invokeEvent(event);
                first.putIfAbsent(sample.function().logicalId(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
                return reply;
            });
        }
        return first;
    }

    private static PrintStream quiet() {
        return new PrintStream(OutputStream.nullOutputStream());
    }
}
