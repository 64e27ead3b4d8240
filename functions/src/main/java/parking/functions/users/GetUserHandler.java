package parking.functions.users;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.function.Supplier;
import parking.Services;
import parking.auth.Tokens;
import parking.errors.ApiException;
import parking.http.Endpoint;
import parking.http.Priming;
import parking.http.Responses;
import parking.json.JsonWriter;
import parking.users.User;
import parking.users.UserService;

/** {@code GET /users/<user_id>}: one user. */
public final class GetUserHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final Endpoint endpoint;
    private final UserService users;
    /** Built only at the checkpoint: a cold start without SnapStart never pays for it. */
    private final Supplier<APIGatewayV2HTTPEvent> primingRequest;
    // Held here because org.crac keeps registered resources weakly.
    private final Priming priming;

    public GetUserHandler() {
        this(Services.fromEnvironment());
    }

    GetUserHandler(Services services) {
        Tokens tokens = services.tokens();
        this.endpoint = Endpoint.authenticated(tokens);
        this.users = services.users();
        this.primingRequest = () -> Priming.request("GET /users/{user_id}").authenticated(tokens).event();
        this.priming = Priming.register(this::prime);
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return endpoint.serve(event, context, request -> {
            long id = request.pathId("user_id").orElseThrow(() -> ApiException.notFound("user not found"));
            return Responses.json(200, JsonWriter.object(users.get(id), User.JSON));
        });
    }

    /** SnapStart priming (see {@link Priming}): a read of a user that does not exist. */
    void prime() {
        Priming.serve(this, primingRequest.get());
    }
}
