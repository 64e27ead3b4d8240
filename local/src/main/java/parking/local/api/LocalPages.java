package parking.local.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The local API's own pages, which no deployed stack has, checked before the template's routes:
 * <ul>
 *   <li>{@value #OPENAPI_PATH}: the OpenAPI description beside the template, read from disk on
 *   each request, so an edit shows at once;</li>
 *   <li>{@value #DOCS_PATH}: an interactive reference built from it with Swagger UI (npm
 *   {@code swagger-ui-dist}, pinned in {@code local/package-lock.json} and served from
 *   {@code local/node_modules}, so it works offline), whose "Try it out" calls this API.</li>
 * </ul>
 */
final class LocalPages {

    static final String OPENAPI_PATH = "/openapi.yaml";
    static final String DOCS_PATH = "/docs";

    /** The description's top-level {@code servers} list, up to the next top-level key. */
    private static final Pattern SERVERS = Pattern.compile("(?m)^servers:\\n(?:[ #-].*\\n|\\n)*");
    /** A file of the Swagger UI package: a plain name, so no path can leave its folder. */
    private static final Pattern ASSET = Pattern.compile(Pattern.quote(DOCS_PATH + "/") + "([A-Za-z0-9_-][A-Za-z0-9._-]*)");
    private static final Map<String, String> TYPES = Map.of(
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "png", "image/png",
            "map", "application/json");

    /**
     * The reference page. Swagger UI loads the description from this API, whose {@code servers}
     * entry then names this API itself (see {@link #serve}), so "Try it out" calls the server the
     * page came from, on any host and port.
     */
    private static final String DOCS_PAGE = """
            <!doctype html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <title>Parking API reference (local)</title>
              <link rel="icon" type="image/png" href="/docs/favicon-32x32.png">
              <link rel="stylesheet" href="/docs/swagger-ui.css">
            </head>
            <body>
              <div id="swagger-ui"></div>
              <script src="/docs/swagger-ui-bundle.js"></script>
              <script>
                window.ui = SwaggerUIBundle({
                  url: "/openapi.yaml",
                  dom_id: "#swagger-ui"
                });
              </script>
            </body>
            </html>
            """;

    private final Path openApiDocument;
    private final Path swaggerUi;

    /**
     * @param openApiDocument the description, served while it exists
     * @param swaggerUi the installed {@code swagger-ui-dist} package, served while it exists
     */
    LocalPages(Path openApiDocument, Path swaggerUi) {
        this.openApiDocument = openApiDocument;
        this.swaggerUi = swaggerUi;
    }

    /** Whether {@value #DOCS_PATH} can be served: the description and Swagger UI are both there. */
    boolean hasDocs() {
        return Files.isRegularFile(openApiDocument) && Files.isRegularFile(swaggerUi.resolve("swagger-ui-bundle.js"));
    }

    /**
     * The page for a GET or HEAD of {@code rawPath}; empty when it is none of these pages (or its
     * file is absent). The description is served as written, but for its {@code servers} list,
     * which names {@code origin}, the address the client reached this API at: the file names the
     * default one, and this API may run on any host and port.
     */
    Optional<Gateway.Result> serve(String rawPath, String origin) {
        if (rawPath.equals(OPENAPI_PATH)) {
            // application/yaml: RFC 9512.
            return file(openApiDocument, "application/yaml", "OpenAPI description (local only)", body -> namingServer(body, origin));
        }
        if ((rawPath.equals(DOCS_PATH) || rawPath.equals(DOCS_PATH + "/")) && hasDocs()) {
            return Optional.of(page(DOCS_PAGE.getBytes(StandardCharsets.UTF_8), "text/html; charset=utf-8", "API reference (local only)"));
        }
        Matcher asset = ASSET.matcher(rawPath);
        if (asset.matches()) {
            String name = asset.group(1);
            String type = TYPES.get(name.substring(name.lastIndexOf('.') + 1));
            return type == null ? Optional.empty() : file(swaggerUi.resolve(name), type, "", UnaryOperator.identity());
        }
        return Optional.empty();
    }

    private static byte[] namingServer(byte[] description, String origin) {
        String servers = "servers:\n  - url: " + origin + "\n    description: This local API\n";
        return SERVERS.matcher(new String(description, StandardCharsets.UTF_8)).replaceFirst(Matcher.quoteReplacement(servers))
                .getBytes(StandardCharsets.UTF_8);
    }

    private static Optional<Gateway.Result> file(Path file, String contentType, String note, UnaryOperator<byte[]> edit) {
        try {
            return Optional.of(page(edit.apply(Files.readAllBytes(file)), contentType, note));
        } catch (NoSuchFileException absent) {
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of(new Gateway.Result(HttpResponse.gatewayMessage(500, "Internal Server Error"), "",
                    "cannot read " + file + ": " + e.getMessage()));
        }
    }

    private static Gateway.Result page(byte[] body, String contentType, String note) {
        return new Gateway.Result(new HttpResponse(200, List.of(Map.entry("Content-Type", contentType),
                Map.entry("Cache-Control", "no-cache")), body), "", note);
    }
}
