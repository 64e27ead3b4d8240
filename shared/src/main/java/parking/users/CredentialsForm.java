package parking.users;

import parking.form.FieldCheck;
import parking.form.Form;
import parking.errors.ApiException;

/** The username and password a registration or login form carries, checked against the contract's rules. */
public record CredentialsForm(String username, String password) {

    /**
     * @throws ApiException 400 {@code missing fields [..]} or {@code invalid fields [..]}, in the
     *     contract's order (username, password)
     */
    public static CredentialsForm from(Form form) {
        FieldCheck fields = new FieldCheck(form);
        String username = fields.required("username", UserRules::username);
        String password = fields.required("password", UserRules::password);
        fields.throwIfAny();
        return new CredentialsForm(username, password);
    }

    /** Never the password: a record would print it wherever this ends up in a message or log. */
    @Override
    public String toString() {
        return "CredentialsForm[username=" + username + "]";
    }
}
