package parking.local.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import parking.local.ProjectRoot;
import parking.local.template.LocalValues;
import parking.local.template.SamTemplate;

/** The project template's CORS setting follows its CorsAllowedOrigins parameter: closed by default. */
class TemplateCorsTest {

    private static final SamTemplate TEMPLATE = SamTemplate.load(ProjectRoot.find().resolve("template.yaml"));

    private static Optional<Cors> cors(Map<String, String> parameters) {
        return Cors.from(TEMPLATE, new LocalValues(TEMPLATE, Map.of(), parameters));
    }

    @Test
    void withTheDefaultParameterNoOriginIsAllowed() {
        assertTrue(cors(Map.of()).isEmpty());
    }

    @Test
    void eachListedOriginIsAllowedAndNoOther() {
        Cors cors = cors(Map.of("CorsAllowedOrigins", "https://app.example.com, http://localhost:5173")).orElseThrow();

        assertEquals("https://app.example.com", cors.responseHeaders(Map.of("origin", "https://app.example.com")).get("Access-Control-Allow-Origin"));
        assertEquals("http://localhost:5173", cors.responseHeaders(Map.of("origin", "http://localhost:5173")).get("Access-Control-Allow-Origin"));
        assertEquals(Map.of(), cors.responseHeaders(Map.of("origin", "http://localhost:5174")));
    }
}
