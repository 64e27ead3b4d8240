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
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;

/**
 * A loopback stand-in for DynamoDB between the handlers' client and dynalite. Recording, it
 * forwards each call, asking DynamoDB for the capacity it consumed
 * ({@code ReturnConsumedCapacity: INDEXES}), and keeps the answers of one request; replaying, it
 * answers the same calls at once with those answers, so a request's timing leaves the database
 * out.
 *
 * <p>dynalite reports read units (index reads included) and a write's table units, but not what a
 * write costs in the global secondary indexes, nor the unit a refused conditional write still
 * consumes. Those are added here as DynamoDB bills them: each index of the table as
 * {@code template.yaml} declares it charges what {@link GlobalIndex#writeUnits} says for the item
 * as it was before and after the write (read from dynalite around it), and a refused write costs
 * one unit in the table.
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
    private final Map<String, CreateTableRequest> tables;
    private final List<Call> calls = new ArrayList<>();
    private volatile boolean replaying;
    private int next;

    /** @param tables the tables as the template declares them, by name */
    DynamoStandIn(URI dynamo, List<CreateTableRequest> tables) throws IOException {
        this.dynamo = dynamo;
        this.tables = tables.stream().collect(Collectors.toMap(CreateTableRequest::tableName, table -> table));
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
        String operation = target.substring(target.indexOf('.') + 1);
        ObjectNode request = (ObjectNode) JSON.readTree(body);
        request.put("ReturnConsumedCapacity", "INDEXES");
        boolean write = List.of("PutItem", "UpdateItem", "DeleteItem").contains(operation);
        CreateTableRequest table = write ? tables.get(request.path("TableName").asText()) : null;
        JsonNode key = write ? keyOf(request, table) : null;
        JsonNode before = write ? item(table, key) : null;
        HttpResponse<byte[]> response = post(operation, JSON.writeValueAsBytes(request));
        JsonNode answer = JSON.readTree(response.body());
        double units = consumedUnits(answer.path("ConsumedCapacity"));
        if (write && response.statusCode() >= 400) {
            units = 1;
        } else if (write) {
            units += indexUnits(table, before, item(table, key));
        }
        return new Call(operation, response.statusCode(),
                response.headers().firstValue("Content-Type").orElse("application/x-amz-json-1.0"), response.body(), units);
    }

    /** A single-table call answers one ConsumedCapacity; a batch call one per table it touched. */
    private static double consumedUnits(JsonNode consumed) {
        if (!consumed.isArray()) {
            return consumed.path("CapacityUnits").asDouble(0);
        }
        double units = 0;
        for (JsonNode table : consumed) {
            units += table.path("CapacityUnits").asDouble(0);
        }
        return units;
    }

    /** The write's cost in the table's global secondary indexes. */
    private static double indexUnits(CreateTableRequest table, JsonNode before, JsonNode after) {
        return GlobalIndex.of(table).stream().mapToInt(index -> index.writeUnits(before, after)).sum();
    }

    /** The key of the item a write names: its Key, or the key attributes of the Item a PutItem writes. */
    private static JsonNode keyOf(ObjectNode request, CreateTableRequest table) {
        if (request.has("Key")) {
            return request.get("Key");
        }
        ObjectNode key = JSON.createObjectNode();
        table.keySchema().forEach(element -> key.set(element.attributeName(), request.path("Item").get(element.attributeName())));
        return key;
    }

    /** The item as dynalite holds it now; an empty object when there is none. */
    private JsonNode item(CreateTableRequest table, JsonNode key) throws IOException {
        ObjectNode get = JSON.createObjectNode().put("TableName", table.tableName()).put("ConsistentRead", true);
        get.set("Key", key);
        JsonNode item = send("GetItem", get).path("Item");
        return item.isMissingNode() ? JSON.createObjectNode() : item;
    }

    private JsonNode send(String operation, ObjectNode request) throws IOException {
        return JSON.readTree(post(operation, JSON.writeValueAsBytes(request)).body());
    }

    /** dynalite checks no signature, but wants the headers a signed request has. */
    private HttpResponse<byte[]> post(String operation, byte[] body) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(dynamo)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Content-Type", "application/x-amz-json-1.0")
                .header("X-Amz-Target", "DynamoDB_20120810." + operation)
                .header("X-Amz-Date", "20260101T000000Z")
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=local/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0")
                .build();
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
        client.close();
    }
}
