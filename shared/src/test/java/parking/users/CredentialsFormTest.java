package parking.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import parking.form.Form;
import parking.form.FormDecoder;
import parking.errors.ApiException;

class CredentialsFormTest {

    private static Form form(String body) {
        return FormDecoder.decode("application/x-www-form-urlencoded", body.getBytes(StandardCharsets.UTF_8)).orElseThrow();
    }

    @Test
    void readsAValidUsernameAndPassword() {
        CredentialsForm credentials = CredentialsForm.from(form("username=alice&password=secret123"));

        assertEquals("alice", credentials.username());
        assertEquals("secret123", credentials.password());
    }

    @Test
    void reportsMissingFieldsBeforeInvalidOnesInContractOrder() {
        assertEquals("missing fields [username, password]", assertThrows(ApiException.class, () -> CredentialsForm.from(form("x=1"))).getMessage());
        assertEquals("invalid fields [username, password]",
                assertThrows(ApiException.class, () -> CredentialsForm.from(form("username=a&password=b"))).getMessage());
    }

    @Test
    void neverShowsThePasswordWhenPrinted() {
        assertFalse(CredentialsForm.from(form("username=alice&password=secret123")).toString().contains("secret123"));
    }
}
