package parking.local.runtime;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The least a Java function can do: read nothing, answer a fixed 200. Its cold start, on the same
 * JVM and runtime as a real function, is the floor bench/coldstart compares against. It lives
 * with the runtime because a function JVM loads its handler from the runtime's class path or the
 * function's code, not from the benchmark's.
 */
public final class NoOpHandler implements RequestStreamHandler {

    private static final byte[] ANSWER = "{\"statusCode\":200,\"body\":\"no-op\"}".getBytes(StandardCharsets.UTF_8);

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        output.write(ANSWER);
    }
}
