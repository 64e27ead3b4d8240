package parking.functions.localapi;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Real HTTP requests to a running local API, as curl or a browser would send them. */
final class Http {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final URI base;

    Http(URI base) {
        this.base = base;
    }

    HttpResponse<String> get(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request);
    }

    /** A urlencoded form, as {@code curl -d name=value} sends it; pairs of name, value. */
    HttpResponse<String> postForm(String path, String... namesAndValues) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            body.append(body.isEmpty() ? "" : "&")
                    .append(URLEncoder.encode(namesAndValues[i], StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(namesAndValues[i + 1], StandardCharsets.UTF_8));
        }
        return post(path, "application/x-www-form-urlencoded", body.toString());
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

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError("request failed", e);
        }
    }
}
