package parking.functions.localapi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import parking.local.api.LocalApi;

/** The local API keeps its data and its JWT secret in the data folder, so a restart loses nothing. */
class RestartIT {

    @TempDir
    Path data;

    private LocalApi start() {
        return LocalApi.start(List.of("--port", "0", "--data-dir", data.toString(), "--env", "BCRYPT_COST=4"), System.out);
    }

    @Test
    void aUserRegisteredBeforeARestartStillLogsInAndItsTokenStillWorks() {
        String location;
        String tokenBeforeRestart;
        try (LocalApi api = start()) {
            Http http = new Http(api.url());
            HttpResponse<String> created = http.postForm("/users", "username", "alice", "password", "secret123");
            assertEquals(201, created.statusCode(), created.body());
            location = created.headers().firstValue("location").orElseThrow();
            tokenBeforeRestart = http.postForm("/users/login", "username", "alice", "password", "secret123").body();
        }

        try (LocalApi api = start()) {
            Http http = new Http(api.url());
            HttpResponse<String> login = http.postForm("/users/login", "username", "alice", "password", "secret123");
            HttpResponse<String> user = http.bearer(tokenBeforeRestart).get(location);

            assertEquals(200, login.statusCode(), login.body());
            assertEquals(200, user.statusCode(), user.body());
            assertEquals(409, http.postForm("/users", "username", "alice", "password", "secret123").statusCode());
        }
    }
}
