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
import parking.users.UserService;

/** {@code POST /users}: registers a user; open to anyone. */
public final class CreateUserHandler extends RouteHandler {

    private final UserService users;

    public CreateUserHandler() {
        this(Services.fromEnvironment());
    }

    CreateUserHandler(Services services) {
        this(services.users());
    }

    /** Primed with a form that fails validation, then a write DynamoDB refuses and one bcrypt hash. */
    private CreateUserHandler(UserService users) {
        super(Route.open("POST /users").primedWithForm("username", "priming").primedAlsoBy(users::primeRegistration));
        this.users = users;
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(Request request) {
        CredentialsForm credentials = CredentialsForm.from(request.form());
        User user = users.register(credentials.username(), credentials.password());
        return Responses.message(201, "OK", Map.of("Location", "/users/" + user.id()));
    }
}
