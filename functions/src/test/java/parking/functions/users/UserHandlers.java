package parking.functions.users;

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
        return new CreateUserHandler(services);
    }

    public static LoginHandler login() {
        return login(LocalDynamo.services("LoginFunction"));
    }

    public static LoginHandler login(Services services) {
        return new LoginHandler(services);
    }

    public static GetUserHandler get() {
        return new GetUserHandler(LocalDynamo.services("GetUserFunction"));
    }

    public static ListUsersHandler list() {
        return new ListUsersHandler(LocalDynamo.services("ListUsersFunction"));
    }
}
