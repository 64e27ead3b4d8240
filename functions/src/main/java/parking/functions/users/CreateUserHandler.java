package parking.functions.users;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Map;
import parking.Services;
import parking.http.Request;
import parking.http.Responses;
import parking.http.Route;
import parking.http.RouteHandler;
import parking.limits.RegistrationAttempt;
import parking.users.CredentialsForm;
import parking.users.User;

/** {@code POST /users}: registers a user; open to anyone, within the abuse limits. */
public final class CreateUserHandler extends RouteHandler {

    /** Primed with a form that fails validation, then the limits' reads, a write DynamoDB refuses and one bcrypt hash. */
    public CreateUserHandler() {
        super(Route.open("POST /users").primedWithForm("username", "priming").primedAlsoBy(services -> {
            services.limits().primeRegistration();
            services.users().primeRegistration();
        }));
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(Request request, Services services) {
        CredentialsForm credentials = CredentialsForm.from(request.form());
        RegistrationAttempt attempt = services.limits().admitRegistration(request.sourceIp());
        User user = services.users().register(credentials, attempt);
        return Responses.message(201, "OK", Map.of("Location", "/users/" + user.id()));
    }
}
