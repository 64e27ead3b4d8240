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

    @TempDir
    Path folder;

    private LocalPages pages() throws Exception {
        Path swaggerUi = Files.createDirectories(folder.resolve("swagger-ui-dist"));
        Files.writeString(swaggerUi.resolve("swagger-ui-bundle.js"), "bundle();");
        Files.writeString(swaggerUi.resolve("swagger-ui.css"), "body {}");
        Files.writeString(folder.resolve("openapi.yaml"), "openapi: 3.1.0\n");
        Files.writeString(folder.resolve("secret.txt"), "not for the browser");
        return new LocalPages(folder.resolve("openapi.yaml"), swaggerUi);
    }

    @Test
    void servesTheReferencePageWhichLoadsTheLocalDescription() throws Exception {
        Gateway.Result page = pages().serve("/docs").orElseThrow();

        assertEquals("text/html; charset=utf-8", page.response().headers().getFirst().getValue());
        assertTrue(new String(page.response().body(), StandardCharsets.UTF_8).contains("url: \"/openapi.yaml\""));
    }

    @Test
    void servesSwaggerUisFilesWithTheirTypes() throws Exception {
        Gateway.Result css = pages().serve("/docs/swagger-ui.css").orElseThrow();

        assertEquals("text/css; charset=utf-8", css.response().headers().getFirst().getValue());
        assertEquals("body {}", new String(css.response().body(), StandardCharsets.UTF_8));
    }

    @Test
    void servesNothingOutsideSwaggerUisFolder() throws Exception {
        LocalPages pages = pages();

        assertTrue(pages.serve("/docs/../secret.txt").isEmpty());
        assertTrue(pages.serve("/docs/..%2Fsecret.txt").isEmpty());
        assertTrue(pages.serve("/docs/sub/swagger-ui.css").isEmpty());
        assertTrue(pages.serve("/docs/missing.js").isEmpty());
    }

    @Test
    void hasNoReferenceWhereSwaggerUiIsNotInstalled() throws Exception {
        Files.writeString(folder.resolve("openapi.yaml"), "openapi: 3.1.0\n");
        LocalPages pages = new LocalPages(folder.resolve("openapi.yaml"), folder.resolve("absent"));

        assertTrue(pages.serve("/docs").isEmpty());
        assertTrue(pages.serve("/openapi.yaml").isPresent());
    }
}
