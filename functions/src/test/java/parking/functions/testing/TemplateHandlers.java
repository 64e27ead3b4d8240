package parking.functions.testing;

import java.util.List;
import parking.Services;
import parking.http.RouteHandler;
import parking.local.template.FunctionDefinition;

/** The handlers {@code template.yaml} names, each built as Lambda builds it, on given services. */
public final class TemplateHandlers {

    private TemplateHandlers() {
    }

    /** The template's functions whose handler class is in {@code handlerPackage}, in template order. */
    public static List<FunctionDefinition> in(String handlerPackage) {
        return LocalDynamo.template().functions().stream()
                .filter(function -> function.handler().startsWith(handlerPackage + "."))
                .toList();
    }

    /** The function's handler, built with its public no-arg constructor (as Lambda does) on {@code services}. */
    public static RouteHandler build(FunctionDefinition function, Services services) {
        return RouteHandler.withServices(services, () -> {
            try {
                return Class.forName(function.handler().split("::")[0]).asSubclass(RouteHandler.class).getConstructor().newInstance();
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(function.logicalId() + ": " + function.handler() + " has no public no-arg constructor", e);
            }
        });
    }
}
