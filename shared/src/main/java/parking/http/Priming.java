package parking.http;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import parking.auth.Tokens;

/**
 * SnapStart priming. With SnapStart, Lambda initialises a function when a version is published,
 * runs its {@code org.crac} {@code beforeCheckpoint} hooks, and snapshots the JVM; new execution
 * environments resume from that snapshot. A handler registers its own requests here, so the
 * snapshot already holds what its first request would otherwise pay for: the classes of the
 * request path loaded and initialised, the DynamoDB client's first call (signing, HTTP, response
 * parsing) made, the JWT verifier used, and the JIT's first compilations done.
 *
 * <p>Priming never writes: its requests name {@link #UNUSED_ID}, which no user or slot has (ids
 * count up from 1), so reads find nothing and every conditional write is refused; routes that
 * create take a form that fails validation. Credentials are not kept from it: the client's
 * container credentials provider fetches fresh ones when those it holds expire (see
 * {@code parking.db.Dynamo}).
 */
public final class Priming implements Resource {

    /** The id priming requests name: {@code Long.MAX_VALUE}, far beyond any id the counters hand out. */
    public static final String UNUSED_ID = Long.toString(Long.MAX_VALUE);

    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{([a-z_]+)}");
    private static final JsonFactory JSON = new JsonFactory();
    private static final HttpApiSerializer SERIALIZER = new HttpApiSerializer();

    private final Runnable requests;

    private Priming(Runnable requests) {
        this.requests = requests;
    }

    /**
     * Registers the requests to run before the snapshot. {@code org.crac} holds registered
     * resources weakly: keep the returned instance in a field of the handler.
     */
    public static Priming register(Runnable requests) {
        Priming priming = new Priming(requests);
        Core.getGlobalContext().register(priming);
        return priming;
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        requests.run();
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // Nothing kept from before the snapshot needs renewing: see the class comment.
    }

    /** Serves a priming request and writes the answer as the runtime writes answers, to nowhere. */
    public static void serve(RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler, APIGatewayV2HTTPEvent request) {
        SERIALIZER.toJson(handler.handleRequest(request, null), OutputStream.nullOutputStream(), APIGatewayV2HTTPResponse.class);
    }

    /** A priming request of a route, e.g. {@code GET /slots/{slot_id}}. */
    public static Request request(String routeKey) {
        return new Request(routeKey);
    }

    /** Builds the HTTP API event of a priming request: every path variable is {@link #UNUSED_ID}. */
    public static final class Request {

        private final String routeKey;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private final Map<String, String> query = new LinkedHashMap<>();
        private String body;

        private Request(String routeKey) {
            this.routeKey = routeKey;
        }

        /** Sends a bearer token of the unused user id, as a signed-in caller would. */
        public Request authenticated(Tokens tokens) {
            headers.put("authorization", "Bearer " + tokens.issue(Long.MAX_VALUE, "priming"));
            return this;
        }

        /** A query parameter (names and values need no escaping here). */
        public Request query(String name, String value) {
            query.put(name, value);
            return this;
        }

        /** An urlencoded form, base64-encoded as the HTTP API sends forms. */
        public Request form(String urlencoded) {
            headers.put("content-type", "application/x-www-form-urlencoded");
            body = Base64.getEncoder().encodeToString(urlencoded.getBytes(StandardCharsets.UTF_8));
            return this;
        }

        /**
         * The event, written as the HTTP API sends it and read back by {@link HttpApiSerializer},
         * so that priming also runs the runtime's reading of events.
         */
        public APIGatewayV2HTTPEvent event() {
            String[] methodAndPath = routeKey.split(" ", 2);
            String path = PATH_VARIABLE.matcher(methodAndPath[1]).replaceAll(UNUSED_ID);
            StringWriter text = new StringWriter();
            try (JsonGenerator json = JSON.createGenerator(text)) {
                json.writeStartObject();
                json.writeStringField("version", "2.0");
                json.writeStringField("routeKey", routeKey);
                json.writeStringField("rawPath", path);
                json.writeStringField("rawQueryString", query.entrySet().stream()
                        .map(parameter -> parameter.getKey() + "=" + parameter.getValue())
                        .collect(Collectors.joining("&")));
                writeMap(json, "headers", headers);
                writeMap(json, "queryStringParameters", query);
                Map<String, String> pathParameters = new LinkedHashMap<>();
                PATH_VARIABLE.matcher(methodAndPath[1]).results().forEach(variable -> pathParameters.put(variable.group(1), UNUSED_ID));
                writeMap(json, "pathParameters", pathParameters);
                json.writeObjectFieldStart("requestContext");
                json.writeStringField("routeKey", routeKey);
                json.writeStringField("requestId", "priming");
                json.writeObjectFieldStart("http");
                json.writeStringField("method", methodAndPath[0]);
                json.writeStringField("path", path);
                json.writeEndObject();
                json.writeEndObject();
                if (body != null) {
                    json.writeStringField("body", body);
                }
                json.writeBooleanField("isBase64Encoded", body != null);
                json.writeEndObject();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return SERIALIZER.fromJson(text.toString(), APIGatewayV2HTTPEvent.class);
        }

        private static void writeMap(JsonGenerator json, String field, Map<String, String> map) throws IOException {
            if (map.isEmpty()) {
                return;
            }
            json.writeObjectFieldStart(field);
            for (Map.Entry<String, String> entry : map.entrySet()) {
                json.writeStringField(entry.getKey(), entry.getValue());
            }
            json.writeEndObject();
        }
    }
}
