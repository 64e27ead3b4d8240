package parking.functions.localapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import parking.local.ProjectRoot;
import parking.local.api.LocalApi;
import parking.local.template.SamTemplate;

/**
 * {@code GET /openapi.yaml} is the local API's own: it serves the project's document, its server list naming the
 * address the API is reached at, and no function of the template has that route.
 */
@ExtendWith(SharedLocalApi.class)
class OpenApiDocumentIT {

    private static final Path ROOT = ProjectRoot.find();

    @Test
    void theLocalApiServesTheProjectsOpenApiDocument(LocalApi api) throws IOException {
        HttpResponse<String> response = new Http(api.url()).outsideTheContract().get("/openapi.yaml");

        assertEquals(200, response.statusCode());
        assertEquals("application/yaml", response.headers().firstValue("content-type").orElseThrow());
        String served = Files.readString(ROOT.resolve("openapi.yaml"), StandardCharsets.UTF_8)
                .replace("  - url: http://127.0.0.1:3000\n    description: The local API (README's run command)\n",
                        "  - url: http://127.0.0.1:" + api.url().getPort() + "\n    description: This local API\n");
        assertEquals(served, response.body());
    }

    @Test
    void noDeployedRouteServesIt() {
        assertTrue(SamTemplate.load(ROOT.resolve("template.yaml")).functions().stream()
                .flatMap(function -> function.routes().stream())
                .noneMatch(route -> route.path().equals("/openapi.yaml")));
    }
}
