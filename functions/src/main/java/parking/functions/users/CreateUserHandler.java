package parking.functions.users;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Map;
import parking.Services;
import parking.http.Request;
import parking.http.Responses;
import parking.http.Route;
import parking.http.RouteHandler;
import parking.users.CredentialsForm;
import parking.users.User;

/** {@code POST /users}: registers a user; open to anyone. */
public final class CreateUserHandler extends RouteHandler {

    /** Primed with a form that fails validation, then a write DynamoDB refuses and one bcrypt hash. */
    public CreateUserHandler() {
        super(Route.open("POST /users").primedWithForm("username", "priming").primedAlsoBy(services -> services.users().primeRegistration()));
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(Request request, Services services) {
        User user = services.users().register(CredentialsForm.from(request.form()));
        return Responses.message(201, "OK", Map.of("Location", "/users/" + user.id()));
    }
}
