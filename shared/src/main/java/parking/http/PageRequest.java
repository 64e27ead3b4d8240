package parking.http;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * One page of a list ordered by ascending id: the items after {@code afterId}, at most
 * {@code limit} of them. The cursor handed to clients is opaque; today it encodes the last id
 * served, which the next page starts after.
 */
public record PageRequest(long afterId, int limit) {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;

    /** Reads {@code limit} and {@code cursor}, recording invalid ones in {@code check}. */
    public static PageRequest read(ParameterCheck check) {
        int limit = check.optional("limit", PageRequest::parseLimit).orElse(DEFAULT_LIMIT);
        long after = check.optional("cursor", PageRequest::decodeCursor).orElse(0L);
        return new PageRequest(after, limit);
    }

    static Optional<Integer> parseLimit(String raw) {
        if (!raw.matches("[1-9][0-9]{0,3}")) {
            return Optional.empty();
        }
        int limit = Integer.parseInt(raw);
        return limit <= MAX_LIMIT ? Optional.of(limit) : Optional.empty();
    }

    public static String encodeCursor(long lastId) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("id:" + lastId).getBytes(StandardCharsets.US_ASCII));
    }

    static Optional<Long> decodeCursor(String cursor) {
        String decoded;
        try {
            decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        if (!decoded.matches("id:[1-9][0-9]{0,18}")) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(decoded.substring(3)));
        } catch (NumberFormatException beyondLong) {
            return Optional.empty();
        }
    }
}
