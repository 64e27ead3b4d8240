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
import parking.users.UserService;

/** {@code GET /users}: users in id order, a page at a time. */
public final class ListUsersHandler extends RouteHandler {

    private final UserService users;

    public ListUsersHandler() {
        this(Services.fromEnvironment());
    }

    /** Primed with a one-item page of the users. */
    ListUsersHandler(Services services) {
        super(Route.authenticated("GET /users", services.tokens()).primedWithQuery("limit=1"));
        this.users = services.users();
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(Request request) {
        ParameterCheck parameters = new ParameterCheck(request);
        PageRequest page = parameters.page();
        parameters.throwIfAny();
        return Responses.page(request, users.list(page), User.JSON);
    }
}
