package parking.local.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import parking.local.ProjectRoot;

/** The local API serves the OpenAPI description that sits beside the template, and nothing when none does. */
class OpenApiDocumentTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @TempDir
    Path folder;

    /** The fixture template, copied into a folder of the test's own. */
    private LocalApi start() throws IOException {
        Path template = Files.copy(FixtureApi.TEMPLATE, folder.resolve("template.yaml"));
        Settings settings = Settings.defaults(ProjectRoot.find(), Map.of())
                .withPort(0)
                .withTemplate(template)
                .withCode(FixtureApi.CODE)
                .withDataDirectory(Optional.empty());
        return LocalApi.start(settings, new PrintStream(OutputStream.nullOutputStream()));
    }

    private static HttpResponse<String> send(LocalApi api, String method) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(api.url().resolve("/openapi.yaml")).method(method, HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servesTheDescriptionBesideTheTemplateAsYamlAsItIsOnDisk() throws Exception {
        Path document = Files.writeString(folder.resolve("openapi.yaml"), "openapi: 3.1.0\ninfo: {title: Fixture, version: '1'}\n");
        try (LocalApi api = start()) {
            HttpResponse<String> first = send(api, "GET");
            Files.writeString(document, "openapi: 3.1.0\ninfo: {title: Edited, version: '2'}\n", StandardCharsets.UTF_8);
            HttpResponse<String> afterAnEdit = send(api, "GET");

            assertEquals(200, first.statusCode());
            assertEquals("application/yaml", first.headers().firstValue("content-type").orElseThrow());
            assertEquals("openapi: 3.1.0\ninfo: {title: Fixture, version: '1'}\n", first.body());
            assertEquals("openapi: 3.1.0\ninfo: {title: Edited, version: '2'}\n", afterAnEdit.body());
        }
    }

    @Test
    void theServerListNamesTheAddressAndPortTheApiIsReachedAt() throws Exception {
        Files.writeString(folder.resolve("openapi.yaml"), "openapi: 3.1.0\nservers:\n  - url: http://127.0.0.1:3000\npaths: {}\n");
        try (LocalApi api = start()) {
            HttpResponse<String> response = send(api, "GET");

            String origin = "http://127.0.0.1:" + api.url().getPort();
            assertEquals("openapi: 3.1.0\nservers:\n  - url: " + origin + "\n    description: This local API\npaths: {}\n", response.body());
        }
    }

    @Test
    void answersOtherMethodsAsAnUnknownRoute() throws Exception {
        Files.writeString(folder.resolve("openapi.yaml"), "openapi: 3.1.0\n");
        try (LocalApi api = start()) {
            HttpResponse<String> response = send(api, "POST");

            assertEquals(404, response.statusCode());
            assertEquals("{\"message\":\"Not Found\"}", response.body());
        }
    }

    @Test
    void answersNotFoundWhenNoDescriptionSitsBesideTheTemplate() throws Exception {
        try (LocalApi api = start()) {
            HttpResponse<String> response = send(api, "GET");

            assertEquals(404, response.statusCode());
            assertEquals("{\"message\":\"Not Found\"}", response.body());
        }
    }
}
