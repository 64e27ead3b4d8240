package parking.functions.users;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import parking.Services;
import parking.http.ParameterCheck;
import parking.http.Request;
import parking.http.Responses;
import parking.http.Route;
import parking.http.RouteHandler;
import parking.paging.PageRequest;
import parking.users.User;

/** {@code GET /users}: users in id order, a page at a time. */
public final class ListUsersHandler extends RouteHandler {

    /** Primed with a one-item page of the users. */
    public ListUsersHandler() {
        super(Route.authenticated("GET /users").primedWithQueries("limit=1"));
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(Request request, Services services) {
        ParameterCheck parameters = new ParameterCheck(request);
        PageRequest page = parameters.page();
        parameters.throwIfAny();
        return Responses.page(request, services.users().list(page), User.JSON);
    }
}
