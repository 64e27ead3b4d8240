package parking.local.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import parking.http.HttpApiEvent;
import parking.local.ProjectRoot;
import parking.local.template.SamTemplate;

/**
 * Requests the local API receives, turned into payload 2.0 events by the one event model and
 * compared with the events API Gateway's HTTP API builds for them
 * ({@code src/test/resources/recorded-events}: the request, then the expected event in the
 * documented format, with fixed request id, trace id and time).
 */
class IncomingRequestTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path RECORDED = Path.of("src/test/resources/recorded-events");
    private static final Routes ROUTES = new Routes(SamTemplate.load(ProjectRoot.find().resolve("template.yaml")).functions());
    private static final HttpApiEvent.Api API = new HttpApiEvent.Api("local", "000000000000");

    static Stream<Path> recordedEvents() throws IOException {
        return Files.list(RECORDED).filter(p -> p.toString().endsWith(".json")).sorted();
    }

    @ParameterizedTest
    @MethodSource("recordedEvents")
    void becomesTheEventTheHttpApiBuilds(Path recorded) throws IOException {
        JsonNode fixture = JSON.readTree(recorded.toFile());
        IncomingRequest request = request(fixture.get("request"));
        Routes.Match match = ROUTES.match(request.method(), request.rawPath()).orElseThrow();

        HttpApiEvent event = request.event(match, API, "JKJaXmPLvHcESHA=",
                "Root=1-5e5ff9de-0123456789abcdef01234567", Instant.ofEpochMilli(1583348638390L));

        assertEquals(fixture.get("event"), JSON.readTree(event.json()));
    }

    private static IncomingRequest request(JsonNode request) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        request.get("headers").forEach(pair -> headers.computeIfAbsent(pair.get(0).asText(), name -> new ArrayList<>()).add(pair.get(1).asText()));
        return new IncomingRequest(
                request.get("method").asText(),
                request.get("path").asText(),
                request.get("query").asText(),
                headers,
                request.get("body").asText().getBytes(StandardCharsets.UTF_8),
                "203.0.113.7",
                "HTTP/1.1",
                443);
    }
}
