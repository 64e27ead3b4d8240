package parking.local.runtime;

import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;

/**
 * The runtime's side of the Lambda Runtime API (version 2018-06-01). Any failure to reach the API
 * ends the JVM: it means the environment that started it is gone.
 */
final class RuntimeApiClient {

    /** One event handed out by {@code /runtime/invocation/next}, with the headers the context needs. */
    record Invocation(String requestId, long deadlineMs, String functionArn, String traceId, byte[] payload) {
    }

    private static final String ERROR_TYPE_HEADER = "Lambda-Runtime-Function-Error-Type";

    private final String base;

    RuntimeApiClient(String hostAndPort) {
        this.base = "http://" + hostAndPort + "/2018-06-01/runtime/";
    }

    Invocation next() {
        try {
            HttpURLConnection connection = open("invocation/next");
            // A long poll: it returns when the next event arrives, however long that takes.
            connection.setReadTimeout(0);
            byte[] payload;
            try (InputStream in = connection.getInputStream()) {
                payload = in.readAllBytes();
            }
            return new Invocation(
                    connection.getHeaderField("Lambda-Runtime-Aws-Request-Id"),
                    Long.parseLong(connection.getHeaderField("Lambda-Runtime-Deadline-Ms")),
                    connection.getHeaderField("Lambda-Runtime-Invoked-Function-Arn"),
                    connection.getHeaderField("Lambda-Runtime-Trace-Id"),
                    payload);
        } catch (IOException | RuntimeException e) {
            throw exit(e);
        }
    }

    void respond(String requestId, byte[] response) {
        post("invocation/" + requestId + "/response", response, null);
    }

    void error(String requestId, FunctionError error) {
        post("invocation/" + requestId + "/error", json(error), error.errorType());
    }

    void initError(FunctionError error) {
        post("init/error", json(error), error.errorType());
    }

    private void post(String path, byte[] body, String errorType) {
        try {
            HttpURLConnection connection = open(path);
            connection.setRequestMethod("POST");
            connection.setDoOutput(true);
            connection.setFixedLengthStreamingMode(body.length);
            if (errorType != null) {
                connection.setRequestProperty(ERROR_TYPE_HEADER, errorType);
            }
            try (OutputStream out = connection.getOutputStream()) {
                out.write(body);
            }
            try (InputStream in = connection.getInputStream()) {
                in.readAllBytes();
            }
        } catch (IOException | RuntimeException e) {
            throw exit(e);
        }
    }

    private HttpURLConnection open(String path) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) URI.create(base + path).toURL().openConnection();
        connection.setConnectTimeout(5_000);
        return connection;
    }

    private static byte[] json(FunctionError error) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JacksonFactory.getInstance().getSerializer(FunctionError.class).toJson(error, out);
        return out.toByteArray();
    }

    private static Error exit(Exception cause) {
        System.err.println("Runtime API unreachable (" + cause.getClass().getSimpleName() + "): stopping");
        System.exit(1);
        return new AssertionError(cause);
    }
}
