package parking.functions.localapi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.ExtensionContext;
import parking.local.api.LocalApi;

/**
 * One local API for every test class that extends with it, started by the first and stopped
 * when the whole test run ends: each function's JVMs start (cold) once for all of them, which
 * keeps the suite fast. Tokens expire after an hour, so the expiry rules are live; the data
 * folder is a temporary one, so tests can read the JWT secret the functions sign with.
 */
final class SharedLocalApi implements BeforeAllCallback, ParameterResolver {

    /** The lifetime the functions give their tokens here, through {@code JWT_LIFETIME_SECONDS}. */
    static final int TOKEN_LIFETIME_SECONDS = 3600;

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedLocalApi.class);

    private static volatile Running running;

    /** The running API and its data folder, closed and deleted by JUnit at the end of the run. */
    private record Running(LocalApi api, Path data) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            api.close();
            try (Stream<Path> files = Files.walk(data)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        running = context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(Running.class, key -> start(), Running.class);
    }

    private static Running start() {
        try {
            Path data = Files.createTempDirectory("parking-shared-local-api");
            LocalApi api = LocalApi.start(List.of("--port", "0", "--data-dir", data.toString(),
                    "--env", "BCRYPT_COST=4", "--env", "JWT_LIFETIME_SECONDS=" + TOKEN_LIFETIME_SECONDS), System.out);
            return new Running(api, data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Tests and {@code @BeforeAll} methods may take the running {@link LocalApi} as a parameter. */
    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == LocalApi.class;
    }

    @Override
    public LocalApi resolveParameter(ParameterContext parameter, ExtensionContext context) {
        beforeAll(context);
        return running.api();
    }

    static Http http() {
        return new Http(running.api().url());
    }

    /** The HS256 key the functions sign and verify with, as the local API generated it. */
    static String jwtSecret() {
        try {
            return Files.readString(running.data().resolve("secrets").resolve("JwtSecret"), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
