package parking.functions.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * A loopback HTTP proxy between the handlers' DynamoDB client and dynalite that injects faults:
 * DynamoDB throttling and server errors (in DynamoDB's own JSON error format), connections
 * dropped before or after the request reached the database, and a database that never answers.
 * A {@link #plan(IntFunction) plan} picks the fault for each request by its number.
 *
 * <p>It can also make dynalite answer a refused conditional write as DynamoDB does when asked
 * with {@code ReturnValuesOnConditionCheckFailure = ALL_OLD}, which dynalite 4.0.0 ignores: the
 * {@code ConditionalCheckFailedException} then carries the item as it stood ({@link #returnItemsWithRefusals}).
 */
public final class FaultProxy implements AutoCloseable {

    public enum Fault {
        NONE,
        /** 400 ThrottlingException: DynamoDB refused the request; nothing was written. */
        THROTTLE,
        /** 500 InternalServerError: DynamoDB failed; nothing was written. */
        SERVER_ERROR,
        /** The connection closes before the request reaches the database. */
        DROP_BEFORE,
        /** The request is carried out, then the connection closes before the answer. */
        DROP_AFTER,
        /** No answer, ever (until the client gives up). */
        HANG
    }

    private static final Set<String> NOT_FORWARDED = Set.of("host", "content-length", "connection", "expect", "upgrade");
    private static final String CONDITION_FAILED = "ConditionalCheckFailedException";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final URI target;
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger faults = new AtomicInteger();
    private volatile IntFunction<Fault> plan = n -> Fault.NONE;
    private volatile boolean returnItemsWithRefusals;
    private final List<String> operations = Collections.synchronizedList(new ArrayList<>());

    public FaultProxy(URI target) throws IOException {
        this.target = target;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** From now on, request number n (counting from 0 at this call) meets {@code plan.apply(n)}. */
    public void plan(IntFunction<Fault> plan) {
        requests.set(0);
        this.plan = plan;
    }

    public void always(Fault fault) {
        plan(n -> fault);
    }

    public void heal() {
        always(Fault.NONE);
    }

    /**
     * From now on, a refused write that asks for {@code ALL_OLD} gets the item back in its
     * {@code ConditionalCheckFailedException}, as DynamoDB returns it (DynamoDB API Reference,
     * UpdateItem, ReturnValuesOnConditionCheckFailure); no item when there is none, as there.
     */
    public void returnItemsWithRefusals() {
        returnItemsWithRefusals = true;
    }

    /** The DynamoDB operations the client sent through the proxy, in order (e.g. {@code UpdateItem}); the proxy's own are not in it. */
    public List<String> operations() {
        synchronized (operations) {
            return List.copyOf(operations);
        }
    }

    /** How many faults were injected since the proxy started. */
    public int faultsInjected() {
        return faults.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        Fault fault = plan.apply(requests.getAndIncrement());
        if (fault != Fault.NONE) {
            faults.incrementAndGet();
        }
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            operations.add(target == null ? "?" : target.substring(target.indexOf('.') + 1));
            switch (fault) {
                case THROTTLE -> dynamoError(exchange, 400, "ThrottlingException", "Rate of requests exceeds the allowed throughput.");
                case SERVER_ERROR -> dynamoError(exchange, 500, "InternalServerError", "Internal server error");
                // Closing an exchange that sent no headers closes its connection: no answer goes out.
                case DROP_BEFORE -> { }
                case DROP_AFTER -> forward(exchange, body);
                case HANG -> hang();
                case NONE -> answer(exchange, body, forward(exchange, body));
            }
        }
    }

    private HttpResponse<byte[]> forward(HttpExchange exchange, byte[] body) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(target.resolve(exchange.getRequestURI().toString()))
                .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!NOT_FORWARDED.contains(name.toLowerCase())) {
                values.forEach(value -> request.header(name, value));
            }
        });
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private void answer(HttpExchange exchange, byte[] request, HttpResponse<byte[]> response) throws IOException {
        if (returnItemsWithRefusals && response.statusCode() == 400 && new String(response.body(), StandardCharsets.UTF_8).contains(CONDITION_FAILED)) {
            JsonNode sent = JSON.readTree(request);
            if ("ALL_OLD".equals(sent.path("ReturnValuesOnConditionCheckFailure").asText())) {
                refusalWithItem(exchange, sent);
                return;
            }
        }
        answer(exchange, response);
    }

    /** The refusal DynamoDB sends with ALL_OLD: the error, and the item as it stood when there is one. */
    private void refusalWithItem(HttpExchange exchange, JsonNode sent) throws IOException {
        ObjectNode get = JSON.createObjectNode();
        get.set("TableName", sent.get("TableName"));
        get.set("Key", sent.get("Key"));
        get.put("ConsistentRead", true);
        HttpRequest.Builder read = HttpRequest.newBuilder(target.resolve("/"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(get)))
                .header("Content-Type", "application/x-amz-json-1.0")
                .header("X-Amz-Target", "DynamoDB_20120810.GetItem")
                .header("Authorization", exchange.getRequestHeaders().getFirst("Authorization"))
                .header("X-Amz-Date", exchange.getRequestHeaders().getFirst("X-Amz-Date"));
        JsonNode item;
        try {
            item = JSON.readTree(client.send(read.build(), HttpResponse.BodyHandlers.ofByteArray()).body()).get("Item");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        ObjectNode error = JSON.createObjectNode();
        error.put("__type", "com.amazonaws.dynamodb.v20120810#" + CONDITION_FAILED);
        error.put("message", "The conditional request failed");
        if (item != null) {
            error.set("Item", item);
        }
        sendError(exchange, 400, CONDITION_FAILED, JSON.writeValueAsBytes(error));
    }

    private static void answer(HttpExchange exchange, HttpResponse<byte[]> response) throws IOException {
        response.headers().map().forEach((name, values) -> {
            if (!NOT_FORWARDED.contains(name.toLowerCase()) && !name.startsWith(":")) {
                exchange.getResponseHeaders().put(name, List.copyOf(values));
            }
        });
        exchange.sendResponseHeaders(response.statusCode(), response.body().length == 0 ? -1 : response.body().length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(response.body());
        }
    }

    private static void dynamoError(HttpExchange exchange, int status, String type, String message) throws IOException {
        byte[] body = ("{\"__type\":\"com.amazonaws.dynamodb.v20120810#" + type + "\",\"message\":\"" + message + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        sendError(exchange, status, type, body);
    }

    private static void sendError(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.0");
        exchange.getResponseHeaders().set("x-amzn-ErrorType", type);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static void hang() {
        try {
            Thread.sleep(Duration.ofSeconds(60));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
        client.close();
    }
}
