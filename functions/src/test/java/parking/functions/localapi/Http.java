package parking.functions.localapi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

/** Real HTTP requests to a running local API, as curl or a browser would send them. */
final class Http {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    /** Past any function's timeout plus a cold start: a request never waits for ever. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
    private static final String URLENCODED = "application/x-www-form-urlencoded";

    private final URI base;

    Http(URI base) {
        this.base = base;
    }

    HttpResponse<String> get(String path, String token) {
        return send(authorized(HttpRequest.newBuilder(base.resolve(path)), token));
    }

    /** A GET with one header exactly as given (an Authorization header written by hand, say). */
    HttpResponse<String> get(String path, String headerName, String headerValue) {
        return send(HttpRequest.newBuilder(base.resolve(path)).header(headerName, headerValue));
    }

    HttpResponse<String> delete(String path, String token) {
        return send(authorized(HttpRequest.newBuilder(base.resolve(path)), token).DELETE());
    }

    /** A urlencoded form, as {@code curl -d name=value} sends it; pairs of name, value. */
    HttpResponse<String> postForm(String path, String... namesAndValues) {
        return post(path, URLENCODED, urlEncoded(namesAndValues));
    }

    /**
     * A request with a urlencoded form ({@code curl -X METHOD -H 'Authorization: Bearer ..' -d ..});
     * with no pairs, no body at all.
     */
    HttpResponse<String> form(String method, String path, String token, String... namesAndValues) {
        HttpRequest.BodyPublisher body = namesAndValues.length == 0
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(urlEncoded(namesAndValues));
        HttpRequest.Builder request = authorized(HttpRequest.newBuilder(base.resolve(path)), token).method(method, body);
        if (namesAndValues.length > 0) {
            request.header("Content-Type", URLENCODED);
        }
        return send(request);
    }

    /** A multipart/form-data form, as {@code curl -F name=value} sends it; pairs of name, value. */
    HttpResponse<String> postMultipart(String path, String... namesAndValues) {
        String boundary = "------------------------" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            body.append("--").append(boundary).append("\r\n")
                    .append("Content-Disposition: form-data; name=\"").append(namesAndValues[i]).append("\"\r\n\r\n")
                    .append(namesAndValues[i + 1]).append("\r\n");
        }
        body.append("--").append(boundary).append("--\r\n");
        return post(path, "multipart/form-data; boundary=" + boundary, body.toString());
    }

    HttpResponse<String> post(String path, String contentType, String body) {
        return send(HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static HttpRequest.Builder authorized(HttpRequest.Builder request, String token) {
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }

    private static String urlEncoded(String... namesAndValues) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            body.append(body.isEmpty() ? "" : "&")
                    .append(URLEncoder.encode(namesAndValues[i], StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(namesAndValues[i + 1], StandardCharsets.UTF_8));
        }
        return body.toString();
    }

    /** @throws UncheckedIOException when no answer came (connection refused or reset, timeout) */
    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return CLIENT.send(request.timeout(REQUEST_TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("no answer to " + request.build().method() + " " + request.build().uri().getPath(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
