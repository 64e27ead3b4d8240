package parking.functions.localapi;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import parking.local.NodeProcess;

/**
 * Stoplight Prism (npm {@code @stoplight/prism-cli}, pinned in {@code local/package-lock.json}) as
 * a validating proxy in front of an API: {@code prism proxy openapi.yaml <upstream> --errors}. It
 * forwards every request and checks it and its answer against the document with its own JSON
 * Schema validator (ajv), a second reading of {@code openapi.yaml} beside {@link OpenApiContract}'s.
 * A violation comes back in an {@code sl-violations} header and, when it is an error, as Prism's
 * own {@code application/problem+json} answer (422 for a request, 500 for a response) in place of
 * the API's.
 */
final class PrismProxy implements AutoCloseable {

    private static final String READY = "Prism is listening on";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    private final NodeProcess process;
    private final URI url;

    private PrismProxy(NodeProcess process, URI url) {
        this.process = process;
        this.url = url;
    }

    /**
     * Starts Prism from {@code <projectRoot>/local/node_modules} on a free loopback port, reading
     * the project's {@code openapi.yaml}.
     *
     * @throws IllegalStateException when Prism is not installed or does not start in time
     */
    static PrismProxy start(Path projectRoot, URI upstream) {
        Path cli = projectRoot.resolve("local/node_modules/@stoplight/prism-cli/dist/index.js");
        if (!Files.isRegularFile(cli)) {
            throw new IllegalStateException(cli + " is missing: the build's npm ci in local/ installs it from the lock file");
        }
        int port = NodeProcess.freeLoopbackPort();
        List<String> arguments = List.of("proxy", projectRoot.resolve("openapi.yaml").toString(), upstream.toString().replaceAll("/$", ""),
                "--errors", "--host", "127.0.0.1", "--port", Integer.toString(port));
        return new PrismProxy(NodeProcess.start("Prism", cli, arguments, READY, START_TIMEOUT), URI.create("http://127.0.0.1:" + port));
    }

    URI url() {
        return url;
    }

    /** What Prism objects to in an answer it passed on: its {@code sl-violations}, or its own error answer. */
    static Optional<String> violations(HttpResponse<String> response) {
        Optional<String> header = response.headers().firstValue("sl-violations");
        if (header.isPresent()) {
            return header;
        }
        boolean prismsOwn = response.headers().firstValue("content-type").orElse("").startsWith("application/problem+json");
        return prismsOwn ? Optional.of(response.statusCode() + " " + response.body()) : Optional.empty();
    }

    /** Everything Prism printed so far: its log of each request, for a failure's message. */
    String log() {
        return process.output();
    }

    @Override
    public void close() {
        process.close();
    }
}
