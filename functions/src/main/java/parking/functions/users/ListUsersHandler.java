package parking.functions.users;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.function.Supplier;
import parking.Services;
import parking.auth.Tokens;
import parking.http.Endpoint;
import parking.paging.PageRequest;
import parking.http.ParameterCheck;
import parking.http.Priming;
import parking.http.Responses;
import parking.users.User;
import parking.users.UserService;

/** {@code GET /users}: users in id order, a page at a time. */
public final class ListUsersHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final Endpoint endpoint;
    private final UserService users;
    /** Built only at the checkpoint: a cold start without SnapStart never pays for it. */
    private final Supplier<APIGatewayV2HTTPEvent> primingRequest;
    // Held here because org.crac keeps registered resources weakly.
    private final Priming priming;

    public ListUsersHandler() {
        this(Services.fromEnvironment());
    }

    ListUsersHandler(Services services) {
        Tokens tokens = services.tokens();
        this.endpoint = Endpoint.authenticated(tokens);
        this.users = services.users();
        this.primingRequest = () -> Priming.request("GET /users").authenticated(tokens).query("limit", "1").event();
        this.priming = Priming.register(this::prime);
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return endpoint.serve(event, context, request -> {
            ParameterCheck parameters = new ParameterCheck(request);
            PageRequest page = parameters.page();
            parameters.throwIfAny();
            return Responses.page(request, users.list(page), User.JSON);
        });
    }

    /** SnapStart priming (see {@link Priming}): a one-item page of the users. */
    void prime() {
        Priming.serve(this, primingRequest.get());
    }
}
