package parking.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;

/**
 * The HTTP side of the programs of {@code bench/} that talk to an API: requests with a bearer
 * credential and a urlencoded form (as {@code curl -d} sends it), and a run that stops with the
 * request and the answer when an answer is not the one its step needs.
 */
final class ApiClient {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
    /** API Gateway's answers to a function that failed to start or answer in time: worth another try in a setup step. */
    private static final Set<Integer> PASSING = Set.of(502, 503, 504);
    private static final int ATTEMPTS = 3;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    /** A client of the API at {@code base}: paths are appended to it, so a stage's path prefix stays. */
    ApiClient(URI base) {
        this.base = base.toString().replaceAll("/+$", "");
    }

    /**
     * A request to {@code path}, with {@code Authorization: Bearer <bearer>} unless it is null,
     * and a urlencoded form of the name and value pairs unless there are none (then no body).
     */
    HttpRequest request(String method, String path, String bearer, String... namesAndValues) {
        StringBuilder form = new StringBuilder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            form.append(i == 0 ? "" : "&").append(namesAndValues[i]).append('=')
                    .append(URLEncoder.encode(namesAndValues[i + 1], StandardCharsets.UTF_8));
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(REQUEST_TIMEOUT)
                .method(method, form.isEmpty() ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(form.toString()));
        if (!form.isEmpty()) {
            request.header("Content-Type", "application/x-www-form-urlencoded");
        }
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return request.build();
    }

    /**
     * @throws IOException when no answer came (connection refused or reset, timeout)
     */
    HttpResponse<String> trySend(HttpRequest request) throws IOException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** @throws IllegalStateException when no answer came */
    HttpResponse<String> send(HttpRequest request) {
        try {
            return trySend(request);
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + ": no answer (" + e.getClass().getSimpleName()
                    + "); is the API running?", e);
        }
    }

    /**
     * The answer to a setup step, sent again (up to {@value #ATTEMPTS} times in all) while it is
     * a 502, 503 or 504: a function's first start can pass API Gateway's timeout on a busy machine.
     */
    HttpResponse<String> sendPatiently(HttpRequest request) {
        HttpResponse<String> response = send(request);
        for (int attempt = 1; attempt < ATTEMPTS && PASSING.contains(response.statusCode()); attempt++) {
            response = send(request);
        }
        return response;
    }

    /** @throws IllegalStateException when the answer's status is not {@code status} */
    static HttpResponse<String> expect(int status, HttpResponse<String> response) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(response.request().method() + " " + response.request().uri().getPath() + " answered "
                    + response.statusCode() + " " + response.body());
        }
        return response;
    }
}
