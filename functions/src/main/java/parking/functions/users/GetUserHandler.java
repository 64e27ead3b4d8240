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

/** {@code GET /users/<user_id>}: one user. */
public final class GetUserHandler extends RouteHandler {

    /** Primed with a read of a user that does not exist. */
    public GetUserHandler() {
        super(Route.authenticated("GET /users/{user_id}"));
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(Request request, Services services) {
        User user = services.users().get(request.pathId("user_id").orElseThrow(() -> ApiException.notFound("user not found")));
        return Responses.json(200, JsonWriter.object(user, User.JSON));
    }
}
