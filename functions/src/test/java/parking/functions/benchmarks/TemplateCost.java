package parking.functions.benchmarks;

import java.util.HashMap;
import java.util.Map;
import parking.Services;
import parking.functions.testing.LocalDynamo;

/** bcrypt at the template's cost, as deployed, not the test suite's cheap one: for the benchmarks that time it. */
final class TemplateCost {

    private TemplateCost() {
    }

    /** The template's default {@code BcryptCost}. */
    static String bcryptCost() {
        return LocalDynamo.template().parameterDefaults().get("BcryptCost");
    }

    /** The function's services on the test engine, bcrypt at the template's cost. */
    static Services services(String function) {
        Map<String, String> env = new HashMap<>(LocalDynamo.environment(function));
        env.put("BCRYPT_COST", bcryptCost());
        return new Services(env);
    }
}
