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
 * {@code -Dload.seconds}. A shorter unmeasured run first starts the functions' JVMs, so the
 * figures are those of warm functions (a cold start on this machine takes seconds, and would be
 * the whole of p99); bcrypt runs at cost 4, so logins measure the plumbing, not the hash. Each
 * client has its own address, but a large run registers more users per client than the contract's
 * 100 an hour from one address, so this local API runs with that limit raised (the limits'
 * figures are {@code bench/abuse-limits}').
 */
@Tag("benchmark")
class MixedLoadBenchmark {

    private static final int WARM_UP_REQUESTS_PER_CLIENT = 40;

    @Test
    void mixedLoadThroughTheLocalApi() {
        int clients = Integer.getInteger("load.clients", 4);
        Duration timeCap = Duration.ofSeconds(Integer.getInteger("load.seconds", 180));
        MixedLoad.Plan plan = new MixedLoad.Plan(Integer.getInteger("load.requests", 2000), clients, timeCap, 20261128);
        // The local API's line per request would bury the figures.
        try (LocalApi api = LocalApi.start(List.of("--port", "0", "--in-memory", "--env", "BCRYPT_COST=4",
                "--env", "ADDRESS_ATTEMPT_LIMIT=1000000000"),
                new PrintStream(OutputStream.nullOutputStream()))) {
            Http http = new Http(api.url());
            MixedLoad.Report warmUp = MixedLoad.run(http, new MixedLoad.Plan(clients * WARM_UP_REQUESTS_PER_CLIENT, clients, timeCap, 1));
            System.out.printf("load: warm-up, not measured: %d requests in %.1f s, 5xx: %d, lost writes: %d%n", warmUp.samples().size(),
                    warmUp.elapsed().toMillis() / 1000.0, warmUp.serverErrors(), warmUp.endState().missing().size());
            System.out.print(MixedLoad.run(http, plan).summary());
        }
    }
}
