package parking.functions.benchmarks;

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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A loopback stand-in for DynamoDB between the handlers' client and dynalite. Recording, it
 * forwards each call, asking DynamoDB for the capacity it consumed
 * ({@code ReturnConsumedCapacity: INDEXES}), and keeps the answers of one request; replaying, it
 * answers the same calls at once with those answers, so a request's timing leaves the database
 * out.
 */
final class DynamoStandIn implements AutoCloseable {

    /** One DynamoDB call of a request: its operation, its answer, and the capacity units it consumed. */
    record Call(String operation, int status, String contentType, byte[] answer, double capacityUnits) {

        boolean writes() {
            return List.of("PutItem", "UpdateItem", "DeleteItem", "BatchWriteItem").contains(operation);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService threads = Executors.newSingleThreadExecutor();
    private final HttpClient client = HttpClient.newHttpClient();
    private final URI dynamo;
    private final List<Call> calls = new ArrayList<>();
    private volatile boolean replaying;
    private int next;

    DynamoStandIn(URI dynamo) throws IOException {
        this.dynamo = dynamo;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Forgets what was recorded; the next request's calls go to DynamoDB and are kept. */
    void record() {
        replaying = false;
        calls.clear();
    }

    /** From now on every request's calls get the recorded answers, in order. */
    void replay() {
        replaying = true;
        next = 0;
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Call call;
            if (replaying) {
                call = calls.get(next);
                next = (next + 1) % calls.size();
            } else {
                call = forward(exchange, body);
                calls.add(call);
            }
            exchange.getResponseHeaders().set("Content-Type", call.contentType());
            exchange.sendResponseHeaders(call.status(), call.answer().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(call.answer());
            }
        }
    }

    private Call forward(HttpExchange exchange, byte[] body) throws IOException {
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        ObjectNode request = (ObjectNode) JSON.readTree(body);
        request.put("ReturnConsumedCapacity", "INDEXES");
        HttpRequest.Builder forwarded = HttpRequest.newBuilder(dynamo)
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(request)))
                .header("Content-Type", exchange.getRequestHeaders().getFirst("Content-Type"))
                .header("X-Amz-Target", target)
                .header("Authorization", exchange.getRequestHeaders().getFirst("Authorization"))
                .header("X-Amz-Date", exchange.getRequestHeaders().getFirst("X-Amz-Date"));
        HttpResponse<byte[]> response;
        try {
            response = client.send(forwarded.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        JsonNode answer = JSON.readTree(response.body());
        double units = answer.path("ConsumedCapacity").path("CapacityUnits").asDouble(0);
        return new Call(target.substring(target.indexOf('.') + 1), response.statusCode(),
                response.headers().firstValue("Content-Type").orElse("application/x-amz-json-1.0"), response.body(), units);
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
        client.close();
    }
}
