package parking.users;

import parking.json.JsonWriter;

/** A user as the API shows it: never with its password hash. */
public record User(long id, String username) {

    /** {@code {"id": 1, "username": "user1"}} */
    public static final JsonWriter.Fields<User> JSON = (json, user) -> {
        json.writeNumberField("id", user.id());
        json.writeStringField("username", user.username());
    };
}
