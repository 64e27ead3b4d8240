package parking.auth;

import java.util.OptionalLong;

/** The {@code sub} claim must be a user id exactly as {@link Tokens#issue} writes it. */
final class UserIds {

    private UserIds() {
    }

    static OptionalLong parse(String subject) {
        if (subject == null || !subject.matches("[1-9][0-9]{0,18}")) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(subject));
        } catch (NumberFormatException beyondLong) {
            return OptionalLong.empty();
        }
    }
}
