package parking.functions.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import parking.auth.Passwords;
import parking.functions.testing.LocalDynamo;

/**
 * What bcrypt costs at and around the template's work factor: the median time of one password
 * check on one core of this machine, and what that means on Lambda, where a function below
 * 1,769 MB gets that fraction of a vCPU. It prints a table; it is not part of the test suite
 * (run it with {@code bench/bcrypt}).
 */
@Tag("benchmark")
class BcryptCostBenchmark {

    private static final int WARMUP = 3;
    private static final int MEASURED = 11;
    private static final int[] MEMORY_MB = {512, 1024, 1769};

    @Test
    void passwordCheckTimeAtEachCostAndTheLambdaMemoryItImplies() {
        int templateCost = Integer.parseInt(LocalDynamo.template().parameterDefaults().get("BcryptCost"));
        System.err.printf(Locale.ROOT, "bcrypt: median of %d password checks after %d of warm-up, one core of this machine;"
                + " Lambda latency = that / (memory / %.0f MB) below a full vCPU; duration cost per million logins at arm64 prices."
                + " The template's cost is %d.%n%n", MEASURED, WARMUP, Prices.FULL_VCPU_MB, templateCost);
        StringBuilder header = new StringBuilder("| cost | this machine ms |");
        StringBuilder line = new StringBuilder("| ---: | ---: |");
        for (int memory : MEMORY_MB) {
            header.append(" Lambda ").append(memory).append(" MB: ms / $ per million |");
            line.append(" ---: |");
        }
        System.err.println(header);
        System.err.println(line);
        for (int cost = templateCost - 2; cost <= templateCost + 1; cost++) {
            Passwords passwords = new Passwords(cost);
            String hash = passwords.hash("correct horse battery");
            List<Long> nanos = new ArrayList<>();
            for (int i = 0; i < WARMUP + MEASURED; i++) {
                long start = System.nanoTime();
                if (!passwords.matches("correct horse battery", hash)) {
                    throw new AssertionError("bcrypt refused its own hash");
                }
                if (i >= WARMUP) {
                    nanos.add(System.nanoTime() - start);
                }
            }
            double ms = nanos.stream().sorted().toList().get(MEASURED / 2) / 1e6;
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "| %d%s | %.0f |", cost, cost == templateCost ? " (template)" : "", ms));
            for (int memory : MEMORY_MB) {
                double lambdaMs = ms / Math.min(1, memory / Prices.FULL_VCPU_MB);
                double dollars = Prices.duration(memory, (long) Math.ceil(lambdaMs));
                row.append(String.format(Locale.ROOT, " %.0f / %.2f |", lambdaMs, dollars));
            }
            System.err.println(row);
        }
    }
}
