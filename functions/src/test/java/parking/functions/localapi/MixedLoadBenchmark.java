package parking.functions.localapi;

import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import parking.local.api.LocalApi;

/**
 * The mixed load at benchmark size through a fresh local API, printing its figures (requests,
 * errors by status, p50/p99 per route, the end-state check). Not part of the test suite: run it
 * with {@code bench/load-mixed}, sized by {@code -Dload.requests}, {@code -Dload.clients} and
 * {@code -Dload.seconds}. Latencies include each function's cold starts (up to four JVMs per
 * function) and bcrypt at cost 4, so that logins measure the plumbing, not the hash.
 */
@Tag("benchmark")
class MixedLoadBenchmark {

    @Test
    void mixedLoadThroughTheLocalApi() {
        MixedLoad.Plan plan = new MixedLoad.Plan(Integer.getInteger("load.requests", 2000), Integer.getInteger("load.clients", 8),
                Duration.ofSeconds(Integer.getInteger("load.seconds", 180)), 20261128);
        // The local API's line per request would bury the figures.
        try (LocalApi api = LocalApi.start(List.of("--port", "0", "--in-memory", "--env", "BCRYPT_COST=4"),
                new PrintStream(OutputStream.nullOutputStream()))) {
            System.out.print(MixedLoad.run(new Http(api.url()), plan).summary());
        }
    }
}
