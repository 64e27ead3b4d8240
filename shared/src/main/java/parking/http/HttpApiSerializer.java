package parking.http;

import com.amazonaws.services.lambda.runtime.CustomPojoSerializer;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the HTTP API's payload 2.0 events and writes the functions' responses with Jackson's
 * streaming parser, which the functions load anyway. Without it the Java runtime (de)serializes
 * them itself with its own shaded Jackson and object mapper: some 700 more classes to load and
 * about a fifth of a function's cold start (BENCHMARKS.md). The managed runtime finds it through
 * {@code META-INF/services} ("Custom serialization for Lambda Java functions" in the Lambda
 * developer guide) and then uses it for every function of the package, so it handles exactly the
 * two types they take and answer.
 *
 * <p>Event fields the functions never read are skipped: {@code requestContext.authorizer} (the
 * API has no authorizer) and any field a later payload version adds.
 */
public final class HttpApiSerializer implements CustomPojoSerializer {

    private static final JsonFactory FACTORY = new JsonFactory();

    @Override
    @SuppressWarnings("unchecked")
    public <T> T fromJson(InputStream input, Type type) {
        if (type != APIGatewayV2HTTPEvent.class) {
            throw new IllegalArgumentException("reads HTTP API events only, not " + type.getTypeName());
        }
        try (JsonParser json = FACTORY.createParser(input)) {
            return (T) event(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public <T> T fromJson(String input, Type type) {
        return fromJson(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), type);
    }

    @Override
    public <T> void toJson(T value, OutputStream output, Type type) {
        if (!(value instanceof APIGatewayV2HTTPResponse response)) {
            throw new IllegalArgumentException("writes HTTP API responses only, not " + type.getTypeName());
        }
        try (JsonGenerator json = FACTORY.createGenerator(output)) {
            json.writeStartObject();
            json.writeNumberField("statusCode", response.getStatusCode());
            writeMap(json, "headers", response.getHeaders());
            if (response.getMultiValueHeaders() != null) {
                json.writeObjectFieldStart("multiValueHeaders");
                for (Map.Entry<String, List<String>> header : response.getMultiValueHeaders().entrySet()) {
                    writeList(json, header.getKey(), header.getValue());
                }
                json.writeEndObject();
            }
            writeList(json, "cookies", response.getCookies());
            if (response.getBody() != null) {
                json.writeStringField("body", response.getBody());
            }
            json.writeBooleanField("isBase64Encoded", response.getIsBase64Encoded());
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static APIGatewayV2HTTPEvent event(JsonParser json) throws IOException {
        APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
        return object(json, event, (field, value) -> {
            switch (field) {
                case "version" -> event.setVersion(text(value));
                case "routeKey" -> event.setRouteKey(text(value));
                case "rawPath" -> event.setRawPath(text(value));
                case "rawQueryString" -> event.setRawQueryString(text(value));
                case "cookies" -> event.setCookies(list(value));
                case "headers" -> event.setHeaders(map(value));
                case "queryStringParameters" -> event.setQueryStringParameters(map(value));
                case "pathParameters" -> event.setPathParameters(map(value));
                case "stageVariables" -> event.setStageVariables(map(value));
                case "body" -> event.setBody(text(value));
                case "isBase64Encoded" -> event.setIsBase64Encoded(value.currentToken() == JsonToken.VALUE_TRUE);
                case "requestContext" -> event.setRequestContext(requestContext(value));
                default -> value.skipChildren();
            }
        });
    }

    private static APIGatewayV2HTTPEvent.RequestContext requestContext(JsonParser json) throws IOException {
        APIGatewayV2HTTPEvent.RequestContext context = new APIGatewayV2HTTPEvent.RequestContext();
        return object(json, context, (field, value) -> {
            switch (field) {
                case "routeKey" -> context.setRouteKey(text(value));
                case "accountId" -> context.setAccountId(text(value));
                case "stage" -> context.setStage(text(value));
                case "apiId" -> context.setApiId(text(value));
                case "domainName" -> context.setDomainName(text(value));
                case "domainPrefix" -> context.setDomainPrefix(text(value));
                case "time" -> context.setTime(text(value));
                case "timeEpoch" -> context.setTimeEpoch(value.getValueAsLong());
                case "requestId" -> context.setRequestId(text(value));
                case "http" -> context.setHttp(http(value));
                default -> value.skipChildren();
            }
        });
    }

    private static APIGatewayV2HTTPEvent.RequestContext.Http http(JsonParser json) throws IOException {
        APIGatewayV2HTTPEvent.RequestContext.Http http = new APIGatewayV2HTTPEvent.RequestContext.Http();
        return object(json, http, (field, value) -> {
            switch (field) {
                case "method" -> http.setMethod(text(value));
                case "path" -> http.setPath(text(value));
                case "protocol" -> http.setProtocol(text(value));
                case "sourceIp" -> http.setSourceIp(text(value));
                case "userAgent" -> http.setUserAgent(text(value));
                default -> value.skipChildren();
            }
        });
    }

    private static Map<String, String> map(JsonParser json) throws IOException {
        Map<String, String> map = new LinkedHashMap<>();
        return object(json, map, (name, value) -> map.put(name, text(value)));
    }

    /** Reads one field of an object, the parser standing on its value. */
    private interface FieldReader {
        void read(String field, JsonParser value) throws IOException;
    }

    /** Reads a JSON object into {@code target} field by field; a JSON null reads as null. */
    private static <T> T object(JsonParser json, T target, FieldReader fields) throws IOException {
        if (json.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        expect(json, JsonToken.START_OBJECT);
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String field = json.currentName();
            json.nextToken();
            fields.read(field, json);
        }
        return target;
    }

    private static String text(JsonParser json) throws IOException {
        return json.currentToken() == JsonToken.VALUE_NULL ? null : json.getValueAsString();
    }

    private static List<String> list(JsonParser json) throws IOException {
        if (json.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        expect(json, JsonToken.START_ARRAY);
        List<String> list = new ArrayList<>();
        while (json.nextToken() != JsonToken.END_ARRAY) {
            list.add(text(json));
        }
        return list;
    }

    private static void expect(JsonParser json, JsonToken token) throws IOException {
        JsonToken actual = json.currentToken() == null ? json.nextToken() : json.currentToken();
        if (actual != token) {
            throw new IllegalArgumentException("expected " + token + " in the event, found " + actual);
        }
    }

    private static void writeMap(JsonGenerator json, String field, Map<String, String> map) throws IOException {
        if (map == null) {
            return;
        }
        json.writeObjectFieldStart(field);
        for (Map.Entry<String, String> entry : map.entrySet()) {
            json.writeStringField(entry.getKey(), entry.getValue());
        }
        json.writeEndObject();
    }

    private static void writeList(JsonGenerator json, String field, List<String> list) throws IOException {
        if (list == null) {
            return;
        }
        json.writeArrayFieldStart(field);
        for (String item : list) {
            json.writeString(item);
        }
        json.writeEndArray();
    }
}
