package parking.functions.users;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import parking.Services;
import parking.http.Request;
import parking.http.Responses;
import parking.http.Route;
import parking.http.RouteHandler;
import parking.users.CredentialsForm;
import parking.users.UserService;

/** {@code POST /users/login}: answers with the JWT itself; open to anyone. */
public final class LoginHandler extends RouteHandler {

    private final UserService users;

    public LoginHandler() {
        this(Services.fromEnvironment());
    }

    LoginHandler(Services services) {
        this(services.users());
    }

    /** Primed with a form that fails validation, then a lookup that finds nothing and the bcrypt check it costs. */
    private LoginHandler(UserService users) {
        super(Route.open("POST /users/login").primedWithForm("username", "priming").primedAlsoBy(users::primeLogin));
        this.users = users;
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(Request request) {
        CredentialsForm credentials = CredentialsForm.from(request.form());
        return Responses.message(200, users.login(credentials.username(), credentials.password()));
    }
}
