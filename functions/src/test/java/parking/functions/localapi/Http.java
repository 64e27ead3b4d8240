package parking.functions.localapi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import parking.functions.testing.Api;
import parking.local.ProjectRoot;

/**
 * Real HTTP requests to a running local API, as curl or a browser would send them. Every exchange
 * is checked against {@code openapi.yaml} ({@link OpenApiContract}): a disagreement fails the
 * test that made the request, whatever that test asserts itself.
 */
final class Http {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    /** Counts the addresses {@link #freshLoopback()} has handed out. */
    private static final AtomicInteger LOOPBACKS = new AtomicInteger();
    private static final OpenApiContract CONTRACT = OpenApiContract.load(ProjectRoot.find().resolve("openapi.yaml"));
    /** Past any function's timeout plus a cold start: a request never waits for ever. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
    private static final String URLENCODED = "application/x-www-form-urlencoded";

    private final URI base;
    private final HttpClient client;
    private final Map<String, String> headers;
    private final boolean checked;

    Http(URI base) {
        this(base, CLIENT, Map.of(), true);
    }

    private Http(URI base, HttpClient client, Map<String, String> headers, boolean checked) {
        this.base = base;
        this.client = client;
        this.headers = Map.copyOf(headers);
        this.checked = checked;
    }

    /**
     * The same client connecting from {@code loopbackAddress} (any of 127.0.0.0/8, which all reach
     * this machine on Linux; macOS answers only 127.0.0.1 unless others are aliased on lo0): to the
     * API, as to API Gateway, a client of its own, since it counts clients by the connection's
     * address.
     */
    Http from(String loopbackAddress) {
        HttpClient bound;
        try {
            bound = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).localAddress(InetAddress.getByName(loopbackAddress)).build();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an address: " + loopbackAddress, e);
        }
        return new Http(base, bound, headers, checked);
    }

    /** The same client from a loopback address nothing else in this JVM has used: a new client to the API. */
    Http fromNewAddress() {
        return from(freshLoopback());
    }

    /** A loopback address in 127.1.0.0/16 and up that no other caller got: never 127.0.0.1, the default client's. */
    static String freshLoopback() {
        int n = LOOPBACKS.incrementAndGet();
        return "127." + (1 + n / 65536) + "." + (n / 256 % 256) + "." + (n % 256);
    }

    /** The same client sending {@code Authorization: Bearer <token>}. */
    Http bearer(String value) {
        return header("Authorization", "Bearer " + value);
    }

    /**
     * The same client, carrying the token of a user it has just registered and logged in, each
     * user from a new address as from a device of its own: the suites that arrange many users never
     * bring one address near its abuse limit.
     */
    Http asNewUser() {
        String name = Api.uniqueName("driver");
        String password = "secret123";
        Http device = fromNewAddress();
        HttpResponse<String> created = device.postForm("/users", "username", name, "password", password);
        if (created.statusCode() != 201) {
            throw new AssertionError("could not register " + name + ": " + created.statusCode() + " " + created.body());
        }
        HttpResponse<String> login = device.postForm("/users/login", "username", name, "password", password);
        if (login.statusCode() != 200) {
            throw new AssertionError("could not log in " + name + ": " + login.statusCode() + " " + login.body());
        }
        return bearer(login.body());
    }

    /** The same client sending one more header exactly as given (an Authorization written by hand, say). */
    Http header(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new Http(base, client, more, checked);
    }

    /**
     * The same client, not checked against openapi.yaml: for what the document rightly leaves out,
     * such as API Gateway's own answer to an unknown route.
     */
    Http outsideTheContract() {
        return new Http(base, client, headers, false);
    }

    HttpResponse<String> get(String path) {
        return send("GET", path, null, "");
    }

    /** A GET with {@code Authorization: Bearer <token>}, or none when {@code token} is null. */
    HttpResponse<String> get(String path, String token) {
        return withToken(token).get(path);
    }

    HttpResponse<String> delete(String path) {
        return send("DELETE", path, null, "");
    }

    HttpResponse<String> delete(String path, String token) {
        return withToken(token).delete(path);
    }

    /** A urlencoded form, as {@code curl -d name=value} sends it; pairs of name, value. */
    HttpResponse<String> postForm(String path, String... namesAndValues) {
        return send("POST", path, URLENCODED, urlencoded(namesAndValues));
    }

    /** {@code PATCH} with a urlencoded form, as {@code curl -X PATCH -d name=value} sends it. */
    HttpResponse<String> patchForm(String path, String... namesAndValues) {
        return send("PATCH", path, URLENCODED, urlencoded(namesAndValues));
    }

    /**
     * Any method with a urlencoded form and, unless {@code token} is null, a bearer token; with no
     * pairs, no body at all.
     */
    HttpResponse<String> form(String method, String path, String token, String... namesAndValues) {
        return withToken(token).send(method, path, namesAndValues.length == 0 ? null : URLENCODED, urlencoded(namesAndValues));
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

    /** {@code POST} without a body, as {@code curl -X POST} sends it. */
    HttpResponse<String> post(String path) {
        return send("POST", path, null, "");
    }

    HttpResponse<String> post(String path, String contentType, String body) {
        return send("POST", path, contentType, body);
    }

    private Http withToken(String token) {
        return token == null ? this : bearer(token);
    }

    private static String urlencoded(String... namesAndValues) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            body.append(body.isEmpty() ? "" : "&")
                    .append(URLEncoder.encode(namesAndValues[i], StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(namesAndValues[i + 1], StandardCharsets.UTF_8));
        }
        return body.toString();
    }

    /** @throws UncheckedIOException when no answer came (connection refused or reset, timeout) */
    private HttpResponse<String> send(String method, String path, String contentType, String body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path))
                .timeout(REQUEST_TIMEOUT)
                .method(method, body.isEmpty() ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        headers.forEach(builder::header);
        HttpRequest request = builder.build();
        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("no answer to " + method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        if (checked) {
            URI uri = request.uri();
            List<String> violations = CONTRACT.violations(new OpenApiContract.Exchange(method, uri.getRawPath(),
                    uri.getRawQuery() == null ? "" : uri.getRawQuery(), request.headers(), body,
                    response.statusCode(), response.headers(), response.body()));
            if (!violations.isEmpty()) {
                throw new AssertionError("openapi.yaml and the API disagree on " + method + " " + path + ":\n  "
                        + String.join("\n  ", violations));
            }
        }
        return response;
    }
}
