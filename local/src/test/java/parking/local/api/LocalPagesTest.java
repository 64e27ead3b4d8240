package parking.local.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local API's own pages: the reference only when Swagger UI and the description are there, its files and nothing else. */
class LocalPagesTest {

    private static final String ORIGIN = "http://127.0.0.1:3300";

    @TempDir
    Path folder;

    private static final String DESCRIPTION = """
            openapi: 3.1.0
            servers:
              - url: http://127.0.0.1:3000
                description: The local API (README's run command)

              - url: http://localhost:3000
            security:
              - bearer: []
            """;

    private LocalPages pages() throws Exception {
        Path swaggerUi = Files.createDirectories(folder.resolve("swagger-ui-dist"));
        Files.writeString(swaggerUi.resolve("swagger-ui-bundle.js"), "bundle();");
        Files.writeString(swaggerUi.resolve("swagger-ui.css"), "body {}");
        Files.writeString(folder.resolve("openapi.yaml"), DESCRIPTION);
        Files.writeString(folder.resolve("secret.txt"), "not for the browser");
        return new LocalPages(folder.resolve("openapi.yaml"), swaggerUi);
    }

    @Test
    void servesTheReferencePageWhichLoadsTheLocalDescription() throws Exception {
        Gateway.Result page = pages().serve("/docs", ORIGIN).orElseThrow();

        assertEquals("text/html; charset=utf-8", page.response().headers().getFirst().getValue());
        assertTrue(new String(page.response().body(), StandardCharsets.UTF_8).contains("url: \"/openapi.yaml\""));
    }

    @Test
    void servesTheDescriptionWithItsServerListNamingTheAddressItIsServedFrom() throws Exception {
        Gateway.Result description = pages().serve("/openapi.yaml", ORIGIN).orElseThrow();

        assertEquals("""
                openapi: 3.1.0
                servers:
                  - url: http://127.0.0.1:3300
                    description: This local API
                security:
                  - bearer: []
                """, new String(description.response().body(), StandardCharsets.UTF_8));
    }

    @Test
    void servesSwaggerUisFilesWithTheirTypes() throws Exception {
        Gateway.Result css = pages().serve("/docs/swagger-ui.css", ORIGIN).orElseThrow();

        assertEquals("text/css; charset=utf-8", css.response().headers().getFirst().getValue());
        assertEquals("body {}", new String(css.response().body(), StandardCharsets.UTF_8));
    }

    @Test
    void servesNothingOutsideSwaggerUisFolder() throws Exception {
        LocalPages pages = pages();

        assertTrue(pages.serve("/docs/../secret.txt", ORIGIN).isEmpty());
        assertTrue(pages.serve("/docs/..%2Fsecret.txt", ORIGIN).isEmpty());
        assertTrue(pages.serve("/docs/sub/swagger-ui.css", ORIGIN).isEmpty());
        assertTrue(pages.serve("/docs/missing.js", ORIGIN).isEmpty());
    }

    @Test
    void hasNoReferenceWhereSwaggerUiIsNotInstalled() throws Exception {
        Files.writeString(folder.resolve("openapi.yaml"), "openapi: 3.1.0\n");
        LocalPages pages = new LocalPages(folder.resolve("openapi.yaml"), folder.resolve("absent"));

        assertTrue(pages.serve("/docs", ORIGIN).isEmpty());
        assertTrue(pages.serve("/openapi.yaml", ORIGIN).isPresent());
    }
}
