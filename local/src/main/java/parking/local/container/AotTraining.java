package parking.local.container;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import parking.local.ProjectRoot;
import parking.local.api.ContainerFunctions;
import parking.local.api.LocalApi;
import parking.local.api.StoryReplay;
import parking.local.template.FunctionDefinition;
import parking.local.template.SampleEvents;
import parking.local.template.SamTemplate;

/**
 * {@code container/train}: makes each function's AOT cache with one training run of its container
 * JVM ({@code container/launch} with {@code -XX:AOTCacheOutput}, JEP 514). It starts the local API
 * in memory (dynalite, the template's tables), starts a training JVM of every function to train,
 * replays the story of {@code events/} in order (each event to its function's training JVM; the
 * events of functions not trained go through the local API) up to the last event of a function
 * in training, then stops the JVMs as Lambda does
 * (SIGTERM), which makes each write its cache beside the deployment jar.
 *
 * <p>Options: {@code --only Id,Id} (train these functions only), {@code --code JAR} (another
 * deployment jar).
 */
public final class AotTraining {

    private AotTraining() {
    }

    public static void main(String[] args) {
        Optional<List<String>> only = Optional.empty();
        List<String> apiArgs = new ArrayList<>(List.of("--port", "0", "--in-memory"));
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--only" -> only = Optional.of(List.of(args[++i].split(",")));
                case "--code" -> {
                    apiArgs.add(args[i]);
                    apiArgs.add(args[++i]);
                }
                default -> {
                    System.err.println("unknown option " + args[i] + "; usage: container/train [--only Id,Id] [--code JAR]");
                    System.exit(2);
                }
            }
        }
        Path root = ProjectRoot.find();
        SamTemplate template = SamTemplate.load(root.resolve("template.yaml"));
        List<String> functions = only.orElseGet(() -> template.functions().stream().map(FunctionDefinition::logicalId).toList());
        try (LocalApi api = LocalApi.start(apiArgs, System.err)) {
            Map<String, Path> caches = train(api, SampleEvents.story(root.resolve("events"), template.functions()), functions);
            caches.forEach((function, cache) -> System.out.printf(Locale.ROOT, "%s: %s, %.1f MB%n", function, root.relativize(cache),
                    size(cache) / 1e6));
        }
    }

    /**
     * Trains the functions' caches on the story's events and returns where each cache is.
     *
     * @throws IllegalStateException when an event is not answered 2xx, a function has no event in
     *     the story, or a JVM exits without writing its cache
     */
    public static Map<String, Path> train(LocalApi api, List<SampleEvents.Sample> story, List<String> functions) {
        ContainerFunctions containers = api.containers();
        functions.forEach(function -> {
            if (story.stream().noneMatch(sample -> sample.function().logicalId().equals(function))) {
                throw new IllegalStateException(function + " has no sample event in events/ to train on");
            }
        });
        Map<String, Path> caches = new LinkedHashMap<>();
        Map<String, ContainerFunctions.Running> training = new LinkedHashMap<>();
        try {
            for (String function : functions) {
                Path cache = containers.cacheFile(function);
                Files.createDirectories(cache.getParent());
                Files.deleteIfExists(cache);
                caches.put(function, cache);
            }
            replay(api, story, caches.keySet(), function -> training.computeIfAbsent(function,
                    id -> containers.start(id, ContainerFunctions.Cache.TRAIN, Map.of())));
            training.values().parallelStream().forEach(ContainerFunctions.Running::stop);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            training.values().forEach(ContainerFunctions.Running::close);
        }
        caches.forEach((function, cache) -> {
            if (!Files.isRegularFile(cache)) {
                throw new IllegalStateException(function + "'s training run wrote no AOT cache at " + cache);
            }
        });
        return caches;
    }

    /** Sends each event to its function's training JVM, started at the function's first event (so JVMs do not all start at once). */
    private static void replay(LocalApi api, List<SampleEvents.Sample> story, Set<String> trained,
                               Function<String, ContainerFunctions.Running> trainingJvm) {
        int end = 0;
        for (int i = 0; i < story.size(); i++) {
            if (trained.contains(story.get(i).function().logicalId())) {
                end = i + 1;
            }
        }
        // Up to the last event of a function in training: what comes after would teach it nothing.
        StoryReplay.play(story.subList(0, end), (sample, event) -> {
            String function = sample.function().logicalId();
            return trained.contains(function) ? trainingJvm.apply(function).invoke(event) : api.invokeEvent(event);
        });
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
