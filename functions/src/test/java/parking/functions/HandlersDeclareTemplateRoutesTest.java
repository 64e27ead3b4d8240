package parking.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import parking.functions.testing.LocalDynamo;
import parking.functions.testing.TemplateHandlers;
import parking.local.template.FunctionDefinition;

/** A handler's route key, which its log lines and priming use, is the route template.yaml gives its function. */
@ExtendWith(LocalDynamo.class)
class HandlersDeclareTemplateRoutesTest {

    @Test
    void everyFunctionsHandlerDeclaresTheOneRouteOfItsFunction() {
        List<FunctionDefinition> functions = TemplateHandlers.in("parking.functions");
        assertFalse(functions.isEmpty());
        for (FunctionDefinition function : functions) {
            List<String> templateRoutes = function.routes().stream().map(route -> route.method() + " " + route.path()).toList();
            String declared = TemplateHandlers.build(function, LocalDynamo.services(function.logicalId())).routeKey();
            assertEquals(templateRoutes, List.of(declared), function.logicalId() + " (" + function.handler() + ")");
        }
    }
}
