package parking.functions.localapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import parking.local.api.LocalApi;

/**
 * Browsers on another origin: template.yaml's {@code CorsAllowedOrigins} parameter, set as
 * {@code sam deploy --parameter-overrides} would set it, turns on the HTTP API's
 * {@code CorsConfiguration}, which the local API applies as API Gateway does: it answers
 * preflights itself and adds the headers to allowed origins' responses only.
 */
class CorsOverHttpIT {

    private static final String ALLOWED = "https://app.example.com";
    private static final String REFUSED = "https://evil.example.net";
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private static LocalApi api;

    @BeforeAll
    static void start() {
        api = LocalApi.start(List.of("--port", "0", "--in-memory",
                "--parameter", "CorsAllowedOrigins=" + ALLOWED + ",http://localhost:5173"), System.out);
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder preflight(String origin) {
        return HttpRequest.newBuilder(api.url().resolve("/slots/1"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin)
                .header("Access-Control-Request-Method", "PATCH")
                .header("Access-Control-Request-Headers", "authorization,content-type");
    }

    private static HttpRequest.Builder listUsers(String origin) {
        return HttpRequest.newBuilder(URI.create(api.url() + "/users")).header("Origin", origin);
    }

    private static String header(HttpResponse<String> response, String name) {
        return response.headers().firstValue(name).orElse("");
    }

    @Test
    void aPreflightFromAnAllowedOriginIsAnsweredWithTheContractsMethodsAndHeaders() throws Exception {
        HttpResponse<String> response = send(preflight(ALLOWED));

        assertEquals(204, response.statusCode());
        assertEquals(ALLOWED, header(response, "access-control-allow-origin"));
        assertEquals("GET,POST,PUT,PATCH,DELETE", header(response, "access-control-allow-methods"));
        assertEquals("authorization,content-type", header(response, "access-control-allow-headers"));
        assertEquals("600", header(response, "access-control-max-age"));
    }

    @Test
    void aPreflightFromARefusedOriginGetsNoCorsHeaders() throws Exception {
        HttpResponse<String> response = send(preflight(REFUSED));

        assertEquals(204, response.statusCode());
        assertTrue(response.headers().map().keySet().stream().noneMatch(name -> name.startsWith("access-control-")),
                response.headers().map().toString());
    }

    @Test
    void aSimpleRequestFromAnAllowedOriginMayReadTheResponseAndItsHeaders() throws Exception {
        HttpResponse<String> response = send(listUsers(ALLOWED));

        assertEquals(401, response.statusCode(), "the function answered: no token");
        assertEquals(ALLOWED, header(response, "access-control-allow-origin"));
        assertEquals("location,link,www-authenticate,retry-after", header(response, "access-control-expose-headers"));
    }

    @Test
    void aSimpleRequestFromARefusedOriginGetsTheAnswerWithoutCorsHeaders() throws Exception {
        HttpResponse<String> response = send(listUsers(REFUSED));

        // The API answers as it always does; the browser keeps the page from reading it.
        assertEquals(401, response.statusCode());
        assertEquals("", header(response, "access-control-allow-origin"));
    }
}
