package parking.functions.users;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import parking.Services;
import parking.http.Request;
import parking.http.Responses;
import parking.http.Route;
import parking.http.RouteHandler;
import parking.users.CredentialsForm;

/** {@code POST /users/login}: answers with the JWT itself; open to anyone. */
public final class LoginHandler extends RouteHandler {

    /** Primed with a form that fails validation, then a lookup that finds nothing and the bcrypt check it costs. */
    public LoginHandler() {
        super(Route.open("POST /users/login").primedWithForm("username", "priming").primedAlsoBy(services -> services.users().primeLogin()));
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(Request request, Services services) {
        return Responses.message(200, services.users().login(CredentialsForm.from(request.form())));
    }
}
