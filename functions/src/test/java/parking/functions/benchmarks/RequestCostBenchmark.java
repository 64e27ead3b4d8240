package parking.functions.benchmarks;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import parking.Services;
import parking.db.Dynamo;
import parking.functions.testing.LocalDynamo;
import parking.functions.testing.TemplateHandlers;
import parking.http.HttpApiSerializer;
import parking.local.ProjectRoot;
import parking.local.dynamo.TemplateTables;
import parking.local.template.FunctionDefinition;
import parking.local.template.SampleEvents;

/**
 * Each route's warm request and what it costs. For every sample event of {@code events/}, in the
 * order of their story, the route's handler (wired from its function's environment in the
 * template, bcrypt at the template's cost) serves the event once against dynalite through
 * {@link DynamoStandIn}, which records the DynamoDB calls and the capacity units each consumed;
 * then it serves the same event again and again, as the runtime would (JSON in, handler, JSON
 * out), with those calls answered at once from the recording, to time the handler without the
 * database. After the events of some routes come the {@link CostVariants} of that route (sensor
 * reports that keep or flip occupancy, moves within and across nearby cells, a nearby search),
 * measured the same way, each as a row of its own. It prints two tables and is not part of the
 * test suite (run it with {@code bench/requests}).
 */
@Tag("benchmark")
@ExtendWith(LocalDynamo.class)
class RequestCostBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int WARMUP = 3_000;
    private static final int MEASURED = 5_000;
    /** bcrypt routes take a quarter of a second a request: fewer rounds say as much. */
    private static final int BCRYPT_WARMUP = 5;
    private static final int BCRYPT_MEASURED = 21;

    // Prices: us-east-1, as published late 2026 (see BENCHMARKS.md).
    private static final double HTTP_API_PER_MILLION = 1.00;
    private static final double LAMBDA_REQUESTS_PER_MILLION = 0.20;
    private static final double LAMBDA_ARM_PER_GB_SECOND = 0.0000133334;
    private static final double READ_UNIT_PER_MILLION = 0.125;
    private static final double WRITE_UNIT_PER_MILLION = 0.625;
    /** A function below 1,769 MB gets that share of one vCPU (Lambda developer guide, memory and computing power). */
    private static final double FULL_VCPU_MB = 1769;
    /** Assumed time of one DynamoDB call from Lambda in the same region (DynamoDB promises single-digit milliseconds). */
    private static final double DYNAMO_CALL_MS = 5;

    /**
     * @param label what sets a derived request apart from the route's sample event ("" for the event itself)
     * @param medianMs the handler alone, without the DynamoDB client's calls
     * @param withClientMs the whole request, the client's own work included (its calls answered at once)
     */
    private record Route(String function, String routeKey, String label, int memoryMb, boolean bcrypt, double medianMs, double p99Ms,
                         double withClientMs, List<DynamoStandIn.Call> calls) {

        double readUnits() {
            return calls.stream().filter(call -> !call.writes()).mapToDouble(DynamoStandIn.Call::capacityUnits).sum();
        }

        double writeUnits() {
            return calls.stream().filter(DynamoStandIn.Call::writes).mapToDouble(DynamoStandIn.Call::capacityUnits).sum();
        }
    }

    @Test
    void everyRoutesHandlerTimeAndCostPerMillionRequests() throws Exception {
        List<FunctionDefinition> functions = LocalDynamo.template().functions();
        List<SampleEvents.Sample> story = SampleEvents.story(ProjectRoot.find().resolve("events"), functions);
        String cost = LocalDynamo.template().parameterDefaults().get("BcryptCost");
        HttpApiSerializer serializer = new HttpApiSerializer();
        List<Route> routes = new ArrayList<>();
        PrintStream console = System.out;
        try (DynamoStandIn dynamo = new DynamoStandIn(LocalDynamo.endpoint(), TemplateTables.definitions(LocalDynamo.template()))) {
            SampleEvents.Credentials credentials = SampleEvents.Credentials.PLACEHOLDERS;
            JsonNode slot = null;
            for (SampleEvents.Sample sample : story) {
                FunctionDefinition function = sample.function();
                Map<String, String> env = new HashMap<>(LocalDynamo.environment(function.logicalId()));
                env.put(Dynamo.ENDPOINT_VARIABLE, dynamo.endpoint().toString());
                env.put("BCRYPT_COST", cost);
                RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler = TemplateHandlers.build(function, new Services(env));
                String routeKey = sample.route().method() + " " + sample.route().path();
                byte[] event = sample.with(credentials);

                System.setOut(new PrintStream(OutputStream.nullOutputStream()));
                try {
                    Measured measured = measure(dynamo, serializer, handler, function, routeKey, exampleLabel(sample), event,
                            status -> status < 300);
                    routes.add(measured.route());
                    credentials = credentials.after(sample, measured.answer().getBody());
                    slot = slotIn(measured.answer()).orElse(slot);
                    for (CostVariants.Variant variant : slot == null ? List.<CostVariants.Variant>of() : CostVariants.of(routeKey, event, slot)) {
                        Measured derived = measure(dynamo, serializer, handler, function, routeKey, " " + variant.label(), variant.event(),
                                status -> status == variant.status());
                        routes.add(derived.route());
                        slot = slotIn(derived.answer()).orElse(slot);
                    }
                } finally {
                    System.setOut(console);
                }
            }
        }
        printTiming(routes);
        printCost(routes);
    }

    private record Measured(Route route, APIGatewayV2HTTPResponse answer) {
    }

    /**
     * Serves the event once against dynalite, recording its DynamoDB calls, then again and again
     * with those calls answered from the recording.
     */
    /** A second example of a route ({@code list-slots.nearby.json}) is told apart by its word and query. */
    private static String exampleLabel(SampleEvents.Sample sample) throws IOException {
        String[] name = sample.file().getFileName().toString().split("\\.");
        if (name.length < 3) {
            return "";
        }
        return " " + name[1] + " (`" + JSON.readTree(sample.with(SampleEvents.Credentials.PLACEHOLDERS)).path("rawQueryString").asText() + "`)";
    }

    private static Measured measure(DynamoStandIn dynamo, HttpApiSerializer serializer,
                                    RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler,
                                    FunctionDefinition function, String routeKey, String label, byte[] event, IntPredicate expected) {
        boolean bcrypt = function.environment().containsKey("BCRYPT_COST");
        dynamo.record();
        APIGatewayV2HTTPResponse answer = serve(serializer, handler, event);
        if (!expected.test(answer.getStatusCode())) {
            throw new AssertionError(routeKey + label + " answered " + answer.getStatusCode() + " " + answer.getBody());
        }
        if (SdkCallTimer.takeNanos() == 0) {
            throw new AssertionError("the DynamoDB calls of " + function.logicalId() + " were not timed: run bench/requests");
        }
        dynamo.replay();
        List<Long> nanos = new ArrayList<>();
        List<Long> handlerNanos = new ArrayList<>();
        int warmup = bcrypt ? BCRYPT_WARMUP : WARMUP;
        int measured = bcrypt ? BCRYPT_MEASURED : MEASURED;
        for (int i = 0; i < warmup + measured; i++) {
            long start = System.nanoTime();
            serve(serializer, handler, event);
            long elapsed = System.nanoTime() - start;
            long inDynamo = SdkCallTimer.takeNanos();
            if (i >= warmup) {
                nanos.add(elapsed);
                handlerNanos.add(elapsed - inDynamo);
            }
        }
        Route route = new Route(function.logicalId(), routeKey, label, function.memoryMb(), bcrypt, percentile(handlerNanos, 0.5),
                percentile(handlerNanos, 0.99), percentile(nanos, 0.5), dynamo.calls());
        return new Measured(route, answer);
    }

    /** The slot an answer shows, if it is one slot. */
    private static Optional<JsonNode> slotIn(APIGatewayV2HTTPResponse answer) throws IOException {
        String body = answer.getBody();
        if (body == null || !body.startsWith("{")) {
            return Optional.empty();
        }
        JsonNode json = JSON.readTree(body);
        return json.has("latitude") ? Optional.of(json) : Optional.empty();
    }

    private static double percentile(List<Long> nanos, double rank) {
        List<Long> sorted = nanos.stream().sorted().toList();
        return sorted.get((int) Math.ceil(sorted.size() * rank) - 1) / 1e6;
    }

    /** As the runtime serves an event: read from JSON, handled, the answer written as JSON. */
    private static APIGatewayV2HTTPResponse serve(HttpApiSerializer serializer,
                                                  RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler, byte[] event) {
        APIGatewayV2HTTPEvent request = serializer.fromJson(new ByteArrayInputStream(event), APIGatewayV2HTTPEvent.class);
        APIGatewayV2HTTPResponse response = handler.handleRequest(request, null);
        serializer.toJson(response, new ByteArrayOutputStream(512), APIGatewayV2HTTPResponse.class);
        return response;
    }

    private static void printTiming(List<Route> routes) {
        System.err.printf(Locale.ROOT, "Warm requests in process: JSON event -> handler -> JSON answer, as the runtime serves them;"
                + " %d requests after %d of warm-up (bcrypt routes %d after %d); this machine, one thread. Handler: the request"
                + " without the DynamoDB client's calls (decode, validate, JWT, bcrypt, JSON, log line). With client: the whole"
                + " request, the client's own work (marshalling, signing, loopback HTTP) included, DynamoDB answering at once"
                + " from a recording.%n%n", MEASURED, WARMUP, BCRYPT_MEASURED, BCRYPT_WARMUP);
        System.err.println("| Route | Function | handler median ms | handler p99 ms | with client median ms | DynamoDB calls |");
        System.err.println("| --- | --- | ---: | ---: | ---: | --- |");
        for (Route route : routes) {
            System.err.printf(Locale.ROOT, "| `%s`%s | %s | %.3f | %.3f | %.3f | %s |%n", route.routeKey(), route.label(), route.function(), route.medianMs(),
                    route.p99Ms(), route.withClientMs(),
                    String.join(", ", route.calls().stream().map(call -> call.operation() + (call.status() >= 400 ? " (refused)" : "")).toList()));
        }
        System.err.println();
    }

    private static void printCost(List<Route> routes) {
        System.err.printf(Locale.ROOT, "Cost per million requests, USD, us-east-1, arm64: HTTP API $%.2f + Lambda requests $%.2f + Lambda"
                + " duration + DynamoDB units (read $%.3f, write $%.3f per million). Billed ms = the request's median with client scaled to the function's"
                + " CPU share (memory / %.0f MB of a vCPU, this machine's core as one vCPU) + %.0f ms per DynamoDB call, rounded up."
                + " Floor: the fees, 1 billed ms, and the least DynamoDB units the route's contract needs.%n%n",
                HTTP_API_PER_MILLION, LAMBDA_REQUESTS_PER_MILLION, READ_UNIT_PER_MILLION, WRITE_UNIT_PER_MILLION, FULL_VCPU_MB, DYNAMO_CALL_MS);
        System.err.println("| Route | MB | read units | write units | billed ms | cost | floor | over floor |");
        System.err.println("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        for (Route route : routes) {
            double cpuShare = Math.min(1, route.memoryMb() / FULL_VCPU_MB);
            long billedMs = (long) Math.ceil(route.withClientMs() / cpuShare + DYNAMO_CALL_MS * route.calls().size());
            double cost = fees() + duration(route.memoryMb(), billedMs)
                    + route.readUnits() * READ_UNIT_PER_MILLION + route.writeUnits() * WRITE_UNIT_PER_MILLION;
            double floor = fees() + duration(route.memoryMb(), 1) + leastUnitsCost(route);
            System.err.printf(Locale.ROOT, "| `%s`%s | %d | %.1f | %.1f | %d | %.4f | %.4f | %+.0f%% |%n", route.routeKey(),
                    route.bcrypt() ? " (bcrypt)" : route.label(),
                    route.memoryMb(), route.readUnits(), route.writeUnits(), billedMs, cost, floor, (cost / floor - 1) * 100);
        }
    }

    private static double fees() {
        return HTTP_API_PER_MILLION + LAMBDA_REQUESTS_PER_MILLION;
    }

    private static double duration(int memoryMb, long billedMs) {
        return LAMBDA_ARM_PER_GB_SECOND * memoryMb / 1024.0 * billedMs / 1000.0 * 1_000_000;
    }

    /**
     * The least the route could cost in DynamoDB: one eventually consistent read unit (half a
     * read request unit) to read anything, one write unit to write one small item.
     */
    private static double leastUnitsCost(Route route) {
        boolean writes = route.calls().stream().anyMatch(DynamoStandIn.Call::writes);
        return writes ? WRITE_UNIT_PER_MILLION : 0.5 * READ_UNIT_PER_MILLION;
    }
}
