package parking.users;

import java.util.Optional;
import parking.auth.Passwords;
import parking.auth.Tokens;
import parking.errors.ApiException;
import parking.limits.LoginAttempt;
import parking.limits.RegistrationAttempt;
import parking.paging.Page;
import parking.paging.PageRequest;
import parking.metrics.BusinessEvent;
import parking.metrics.BusinessMetrics;

/** Registration, login and lookup of users. */
public final class UserService {

    /** Not a valid username ({@code #} is not allowed), so no user has it. */
    private static final String PRIMING_NAME = "#priming";

    private final UserRepository users;
    private final Passwords passwords;
    private final Tokens tokens;
    private final BusinessMetrics metrics;

    public UserService(UserRepository users, Passwords passwords, Tokens tokens, BusinessMetrics metrics) {
        this.users = users;
        this.passwords = passwords;
        this.tokens = tokens;
        this.metrics = metrics;
    }

    /**
     * Registers the user; {@code attempt} counts the account against its client's address.
     *
     * @throws ApiException 409 {@code username conflict}
     */
    public User register(CredentialsForm credentials, RegistrationAttempt attempt) {
        User user = users.create(credentials.username(), passwords.hash(credentials.password()))
                .orElseThrow(() -> ApiException.conflict("username conflict"));
        attempt.created();
        metrics.count(BusinessEvent.USER_CREATED);
        return user;
    }

    /**
     * A token for the user; an unknown name costs the same bcrypt work as a wrong password, so
     * neither the answer nor its timing tells which it was. {@code attempt} counts a failure
     * against the client, or clears the username's failures on success.
     *
     * @throws ApiException 401 {@code bad credentials}
     */
    public String login(CredentialsForm credentials, LoginAttempt attempt) {
        Optional<UserRepository.Credentials> found = users.findCredentials(credentials.username());
        boolean matches = found.isPresent()
                ? passwords.matches(credentials.password(), found.get().passwordHash())
                : passwords.matchesNothing(credentials.password());
        if (!matches) {
            attempt.failed();
            metrics.count(BusinessEvent.LOGIN_FAILED);
            throw ApiException.badCredentials();
        }
        attempt.succeeded();
        User user = found.get().user();
        return tokens.issue(user.id(), user.username());
    }

    /**
     * SnapStart priming of login: a lookup that finds nothing and the bcrypt check an unknown name
     * costs. Writes nothing and counts no failed login.
     */
    public void primeLogin() {
        users.findCredentials(PRIMING_NAME);
        passwords.matchesNothing(PRIMING_NAME);
    }

    /** SnapStart priming of registration: a write DynamoDB refuses, and one bcrypt hash. */
    public void primeRegistration() {
        users.probeWrite();
        passwords.hash(PRIMING_NAME);
    }

    /**
     * @throws ApiException 404 {@code user not found}
     */
    public User get(long id) {
        return users.findById(id).orElseThrow(() -> ApiException.notFound("user not found"));
    }

    public Page<User> list(PageRequest page) {
        return users.list(page);
    }
}
