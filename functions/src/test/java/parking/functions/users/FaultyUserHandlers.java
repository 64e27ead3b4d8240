package parking.functions.users;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.net.URI;
import parking.http.RouteHandler;
import parking.Services;
import parking.functions.testing.Events;
import parking.functions.testing.LocalDynamo;

/** The users handlers wired to reach DynamoDB through another endpoint, such as a fault proxy. */
public final class FaultyUserHandlers {

    private final CreateUserHandler create;
    private final LoginHandler login;
    private final GetUserHandler get;
    private final ListUsersHandler list;

    public FaultyUserHandlers(URI dynamoEndpoint) {
        this.create = RouteHandler.withServices(services("CreateUserFunction", dynamoEndpoint), CreateUserHandler::new);
        this.login = RouteHandler.withServices(services("LoginFunction", dynamoEndpoint), LoginHandler::new);
        this.get = RouteHandler.withServices(services("GetUserFunction", dynamoEndpoint), GetUserHandler::new);
        this.list = RouteHandler.withServices(services("ListUsersFunction", dynamoEndpoint), ListUsersHandler::new);
    }

    private static Services services(String function, URI endpoint) {
        return new Services(LocalDynamo.environment(function, endpoint));
    }

    public APIGatewayV2HTTPResponse create(String username, String password) {
        return create.handleRequest(Events.request("POST", "/users").form("username", username, "password", password).build(), null);
    }

    public APIGatewayV2HTTPResponse login(String username, String password) {
        return login.handleRequest(Events.request("POST", "/users/login").form("username", username, "password", password).build(), null);
    }

    public APIGatewayV2HTTPResponse get(long id, String token) {
        return get.handleRequest(Events.request("GET", "/users/{user_id}", "/users/" + id)
                .pathParameter("user_id", Long.toString(id)).bearer(token).build(), null);
    }

    public APIGatewayV2HTTPResponse list(String token) {
        return list.handleRequest(Events.request("GET", "/users").bearer(token).build(), null);
    }
}
