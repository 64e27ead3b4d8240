package parking.functions.users;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Map;
import parking.Services;
import parking.form.FieldCheck;
import parking.http.Endpoint;
import parking.http.Responses;
import parking.users.User;
import parking.users.UserRules;
import parking.users.UserService;

/** {@code POST /users}: registers a user; open to anyone. */
public final class CreateUserHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final Endpoint endpoint = Endpoint.open();
    private final UserService users;

    public CreateUserHandler() {
        this(Services.fromEnvironment());
    }

    CreateUserHandler(Services services) {
        this.users = services.users();
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return endpoint.serve(event, context, request -> {
            FieldCheck fields = new FieldCheck(request.form());
            String username = fields.required("username", UserRules::username);
            String password = fields.required("password", UserRules::password);
            fields.throwIfAny();
            User user = users.register(username, password);
            return Responses.message(201, "OK", Map.of("Location", "/users/" + user.id()));
        });
    }
}
