package parking.functions.localapi;

import java.util.List;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import parking.local.api.LocalApi;

/**
 * One local API (the real template and functions.jar, dynalite in memory, bcrypt cost 4) for all
 * the end-to-end tests of a run that take a {@link LocalApi} parameter: each function's JVM
 * cold-starts once per run rather than once per test class. Started on first use; JUnit closes it
 * when the run ends. Tests that share it register unique usernames.
 */
final class SharedLocalApi implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedLocalApi.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == LocalApi.class;
    }

    @Override
    public LocalApi resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(LocalApi.class,
                key -> LocalApi.start(List.of("--port", "0", "--in-memory", "--env", "BCRYPT_COST=4"), System.out), LocalApi.class);
    }
}
