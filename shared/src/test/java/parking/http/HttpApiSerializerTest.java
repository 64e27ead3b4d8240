package parking.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.amazonaws.services.lambda.runtime.CustomPojoSerializer;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class HttpApiSerializerTest {

    private static final Path EVENTS = Path.of("..", "events");
    private final HttpApiSerializer serializer = new HttpApiSerializer();
    private final PojoSerializer<APIGatewayV2HTTPEvent> runtimeEvents =
            LambdaEventSerializers.serializerFor(APIGatewayV2HTTPEvent.class, getClass().getClassLoader());
    private final PojoSerializer<APIGatewayV2HTTPResponse> runtimeResponses =
            LambdaEventSerializers.serializerFor(APIGatewayV2HTTPResponse.class, getClass().getClassLoader());

    @Test
    void readsEverySampleEventAsTheJavaRuntimeDoes() throws IOException {
        List<Path> files;
        try (Stream<Path> listing = Files.list(EVENTS)) {
            files = listing.filter(file -> file.toString().endsWith(".json")).sorted().toList();
        }
        assertFalse(files.isEmpty());
        for (Path file : files) {
            byte[] json = Files.readAllBytes(file);
            APIGatewayV2HTTPEvent ours = serializer.fromJson(new ByteArrayInputStream(json), APIGatewayV2HTTPEvent.class);
            assertEquals(runtimeEvents.fromJson(new ByteArrayInputStream(json)), ours, file.getFileName().toString());
        }
    }

    @Test
    void readsNullsCookiesAndStageVariablesAsTheJavaRuntimeDoes() {
        String json = """
                {"version":"2.0","routeKey":"GET /users","rawPath":"/users","rawQueryString":"a=1&a=2",
                 "cookies":["c=1","d=2"],"headers":{"x":"1,2"},"queryStringParameters":{"a":"1,2"},
                 "pathParameters":null,"stageVariables":{"s":"v"},"body":null,"isBase64Encoded":false,
                 "requestContext":{"requestId":"r","timeEpoch":1795900806901,"authorizer":{"jwt":{"claims":{"sub":"1"}}},
                   "http":{"method":"GET","path":"/users","protocol":"HTTP/1.1","sourceIp":"203.0.113.7","userAgent":null}},
                 "laterField":{"nested":[1,2,{"x":null}]}}
                """;
        APIGatewayV2HTTPEvent expected = runtimeEvents.fromJson(json);
        expected.getRequestContext().setAuthorizer(null);
        assertEquals(expected, serializer.fromJson(json, APIGatewayV2HTTPEvent.class));
    }

    @Test
    void writesResponsesTheJavaRuntimeReadsBackUnchanged() {
        APIGatewayV2HTTPResponse response = APIGatewayV2HTTPResponse.builder()
                .withStatusCode(201)
                .withHeaders(Map.of("Location", "/users/1", "Content-Type", "text/plain; charset=utf-8"))
                .withMultiValueHeaders(Map.of("Vary", List.of("Origin", "Accept")))
                .withCookies(List.of("a=1"))
                .withBody("OK \"quoted\" é")
                .withIsBase64Encoded(false)
                .build();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        serializer.toJson(response, out, APIGatewayV2HTTPResponse.class);
        assertEquals(response, runtimeResponses.fromJson(out.toString(StandardCharsets.UTF_8)));
    }

    @Test
    void refusesTypesOtherThanTheHttpApiEventAndResponse() {
        assertThrows(IllegalArgumentException.class, () -> serializer.fromJson("{}", Map.class));
        assertThrows(IllegalArgumentException.class, () -> serializer.toJson(Map.of(), new ByteArrayOutputStream(), Map.class));
    }

    @Test
    void isTheOneSerializerTheJavaRuntimeFinds() {
        List<CustomPojoSerializer> found = ServiceLoader.load(CustomPojoSerializer.class).stream().map(ServiceLoader.Provider::get).toList();
        assertEquals(1, found.size());
        assertEquals(HttpApiSerializer.class, found.get(0).getClass());
    }
}
