package parking.local.api;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import parking.local.ProjectRoot;

/**
 * The local API serving the test fixture template ({@code src/test/resources/fixture}), whose
 * handlers are this module's test classes, with everything it prints captured.
 */
final class FixtureApi implements AutoCloseable {

    static final Path TEMPLATE = Path.of("src/test/resources/fixture/template.yaml").toAbsolutePath();
    static final Path CODE = Path.of("target/test-classes").toAbsolutePath();

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final LocalApi api;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    FixtureApi(Optional<Path> dataDirectory, Map<String, String> hostEnvironment) {
        Settings settings = Settings.defaults(ProjectRoot.find(), hostEnvironment)
                .withPort(0)
                .withTemplate(TEMPLATE)
                .withCode(CODE)
                .withDataDirectory(dataDirectory)
                .withVariableOverrides(Map.of("LEVEL", "trace"));
        this.api = LocalApi.start(settings, new PrintStream(output, true, StandardCharsets.UTF_8));
    }

    FixtureApi() {
        this(Optional.empty(), Map.of("PATH", "/usr/bin:/bin"));
    }

    URI url(String pathAndQuery) {
        return api.url().resolve(pathAndQuery);
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    HttpResponse<String> get(String pathAndQuery) {
        return send(HttpRequest.newBuilder(url(pathAndQuery)));
    }

    /** What the local API printed so far. */
    String log() {
        return output.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        api.close();
    }
}
