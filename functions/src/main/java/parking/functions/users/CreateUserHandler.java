package parking.functions.users;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Map;
import java.util.function.Supplier;
import parking.Services;
import parking.http.Endpoint;
import parking.http.Priming;
import parking.http.Responses;
import parking.users.CredentialsForm;
import parking.users.User;
import parking.users.UserService;

/** {@code POST /users}: registers a user; open to anyone. */
public final class CreateUserHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final Endpoint endpoint = Endpoint.open();
    private final UserService users;
    /** Built only at the checkpoint: a cold start without SnapStart never pays for it. */
    private final Supplier<APIGatewayV2HTTPEvent> primingRequest;
    // Held here because org.crac keeps registered resources weakly.
    private final Priming priming;

    public CreateUserHandler() {
        this(Services.fromEnvironment());
    }

    CreateUserHandler(Services services) {
        this.users = services.users();
        this.primingRequest = () -> Priming.request("POST /users").form("username=priming").event();
        this.priming = Priming.register(this::prime);
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return endpoint.serve(event, context, request -> {
            CredentialsForm credentials = CredentialsForm.from(request.form());
            User user = users.register(credentials.username(), credentials.password());
            return Responses.message(201, "OK", Map.of("Location", "/users/" + user.id()));
        });
    }

    /** SnapStart priming (see {@link Priming}): a form that fails validation, then a write DynamoDB refuses and one bcrypt hash. */
    void prime() {
        Priming.serve(this, primingRequest.get());
        users.primeRegistration();
    }
}
