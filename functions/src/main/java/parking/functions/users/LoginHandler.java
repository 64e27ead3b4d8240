package parking.functions.users;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import parking.Services;
import parking.http.Request;
import parking.http.Responses;
import parking.http.Route;
import parking.http.RouteHandler;
import parking.limits.LoginAttempt;
import parking.users.CredentialsForm;

/** {@code POST /users/login}: answers with the JWT itself; open to anyone, within the abuse limits. */
public final class LoginHandler extends RouteHandler {

    /**
     * Primed with a form that fails validation, then the limits' reads, a lookup that finds nothing
     * and the bcrypt check it costs.
     */
    public LoginHandler() {
        super(Route.open("POST /users/login").primedWithForm("username", "priming").primedAlsoBy(services -> {
            services.limits().primeLogin();
            services.users().primeLogin();
        }));
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(Request request, Services services) {
        CredentialsForm credentials = CredentialsForm.from(request.form());
        LoginAttempt attempt = services.limits().admitLogin(credentials.username(), request.sourceIp());
        return Responses.message(200, services.users().login(credentials, attempt));
    }
}
