package parking.functions.localapi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import parking.functions.testing.Api;
import parking.local.api.LocalApi;

/**
 * An operator's settings of the abuse limits reach the functions: {@code local/run --env} sets the
 * variables the template parameters set on AWS, here on a local API of its own.
 */
class AbuseLimitSettingsIT {

    @Test
    void localRunEnvSetsTheLimitsTheFunctionsApply() {
        try (LocalApi api = LocalApi.start(List.of("--port", "0", "--in-memory", "--env", "BCRYPT_COST=4",
                "--env", "LOGIN_FAILURE_LIMIT=2", "--env", "ADDRESS_ATTEMPT_LIMIT=3"), System.out)) {
            Http http = new Http(api.url());
            String name = Api.uniqueName("configured");
            Http client = http.fromNewAddress();
            assertEquals(201, client.postForm("/users", "username", name, "password", "secret123").statusCode());
            for (int i = 0; i < 2; i++) {
                assertEquals(401, client.postForm("/users/login", "username", name, "password", "wrong-password").statusCode());
            }

            assertEquals(429, client.postForm("/users/login", "username", name, "password", "secret123").statusCode());
            assertEquals(429, client.postForm("/users", "username", Api.uniqueName("fourth"), "password", "secret123").statusCode());
            assertEquals(200, http.fromNewAddress().postForm("/users/login", "username", name, "password", "secret123").statusCode());
        }
    }
}
