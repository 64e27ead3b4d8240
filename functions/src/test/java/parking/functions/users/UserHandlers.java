package parking.functions.users;

import parking.http.RouteHandler;
import parking.Services;
import parking.functions.testing.LocalDynamo;

/** The users handlers, each wired from its own function's environment in the template. */
public final class UserHandlers {

    private UserHandlers() {
    }

    public static CreateUserHandler create() {
        return create(LocalDynamo.services("CreateUserFunction"));
    }

    public static CreateUserHandler create(Services services) {
        return RouteHandler.withServices(services, CreateUserHandler::new);
    }

    public static LoginHandler login() {
        return login(LocalDynamo.services("LoginFunction"));
    }

    public static LoginHandler login(Services services) {
        return RouteHandler.withServices(services, LoginHandler::new);
    }

    public static GetUserHandler get() {
        return RouteHandler.withServices(LocalDynamo.services("GetUserFunction"), GetUserHandler::new);
    }

    public static ListUsersHandler list() {
        return RouteHandler.withServices(LocalDynamo.services("ListUsersFunction"), ListUsersHandler::new);
    }
}
