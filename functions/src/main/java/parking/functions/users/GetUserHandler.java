package parking.functions.users;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import parking.Services;
import parking.errors.ApiException;
import parking.http.Request;
import parking.http.Responses;
import parking.http.Route;
import parking.http.RouteHandler;
import parking.json.JsonWriter;
import parking.users.User;
import parking.users.UserService;

/** {@code GET /users/<user_id>}: one user. */
public final class GetUserHandler extends RouteHandler {

    private final UserService users;

    public GetUserHandler() {
        this(Services.fromEnvironment());
    }

    /** Primed with a read of a user that does not exist. */
    GetUserHandler(Services services) {
        super(Route.authenticated("GET /users/{user_id}", services.tokens()));
        this.users = services.users();
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(Request request) {
        User user = users.get(request.pathId("user_id").orElseThrow(() -> ApiException.notFound("user not found")));
        return Responses.json(200, JsonWriter.object(user, User.JSON));
    }
}
