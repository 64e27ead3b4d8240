package parking.functions.users;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import parking.Services;
import parking.http.Endpoint;
import parking.http.PageRequest;
import parking.http.ParameterCheck;
import parking.http.Responses;
import parking.users.User;
import parking.users.UserService;

/** {@code GET /users}: users in id order, a page at a time. */
public final class ListUsersHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final Endpoint endpoint;
    private final UserService users;

    public ListUsersHandler() {
        this(Services.fromEnvironment());
    }

    ListUsersHandler(Services services) {
        this.endpoint = Endpoint.authenticated(services.tokens());
        this.users = services.users();
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return endpoint.serve(event, context, request -> {
            ParameterCheck parameters = new ParameterCheck(request);
            PageRequest page = PageRequest.read(parameters);
            parameters.throwIfAny();
            return Responses.page(request, users.list(page), User.JSON);
        });
    }
}
