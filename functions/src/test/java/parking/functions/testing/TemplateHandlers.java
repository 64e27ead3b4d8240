package parking.functions.testing;

import java.lang.reflect.Constructor;
import java.util.List;
import parking.Services;
import parking.http.RouteHandler;
import parking.local.template.FunctionDefinition;

/** The handlers {@code template.yaml} names, each built by its tests' constructor, from given services. */
public final class TemplateHandlers {

    private TemplateHandlers() {
    }

    /** The template's functions whose handler class is in {@code handlerPackage}, in template order. */
    public static List<FunctionDefinition> in(String handlerPackage) {
        return LocalDynamo.template().functions().stream()
                .filter(function -> function.handler().startsWith(handlerPackage + "."))
                .toList();
    }

    /** The function's handler, wired to {@code services} through its package-private constructor. */
    public static RouteHandler build(FunctionDefinition function, Services services) {
        try {
            Class<?> type = Class.forName(function.handler().split("::")[0]);
            Constructor<?> constructor = type.getDeclaredConstructor(Services.class);
            constructor.setAccessible(true);
            return (RouteHandler) constructor.newInstance(services);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(function.logicalId() + ": " + function.handler() + " cannot be built from Services", e);
        }
    }
}
