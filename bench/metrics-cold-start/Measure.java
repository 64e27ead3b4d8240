import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Starts each variant in a fresh JVM, in turn, ROUNDS times, and prints the median wall time
 * from launch to exit (each exits right after its first metric line) and what it printed.
 * Arguments: the java binary, then name=classpath pairs; each name is also the main class.
 */
public class Measure {

    private static final int ROUNDS = Integer.getInteger("rounds", 21);

    public static void main(String[] args) throws IOException, InterruptedException {
        String java = args[0];
        Map<String, String> variants = new LinkedHashMap<>();
        for (int i = 1; i < args.length; i++) {
            String[] pair = args[i].split("=", 2);
            variants.put(pair[0], pair[1]);
        }
        Map<String, List<Long>> times = new LinkedHashMap<>();
        Map<String, String> output = new LinkedHashMap<>();
        for (int round = 0; round < ROUNDS + 1; round++) {
            for (Map.Entry<String, String> variant : variants.entrySet()) {
                // The managed runtime's JVM options for a small function: C1 only, serial GC.
                ProcessBuilder launch = new ProcessBuilder(java, "-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1",
                        "-XX:+UseSerialGC", "-cp", variant.getValue(), variant.getKey());
                launch.environment().put("AWS_LAMBDA_FUNCTION_NAME", "bench");
                launch.environment().put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/bench");
                launch.redirectErrorStream(true);
                long start = System.nanoTime();
                Process process = launch.start();
                String printed = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
                process.waitFor();
                long micros = (System.nanoTime() - start) / 1000;
                if (round > 0) {
                    times.computeIfAbsent(variant.getKey(), k -> new ArrayList<>()).add(micros);
                }
                output.put(variant.getKey(), printed);
            }
        }
        for (String name : variants.keySet()) {
            List<Long> sorted = times.get(name).stream().sorted().toList();
            System.out.printf("metrics cold start: %-22s median %4d ms (min %4d, max %4d) over %d runs%n", name,
                    sorted.get(sorted.size() / 2) / 1000, sorted.getFirst() / 1000, sorted.getLast() / 1000, sorted.size());
        }
        output.forEach((name, printed) -> System.out.println("metrics cold start: " + name + " printed: " + printed));
    }
}
