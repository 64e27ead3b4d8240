package parking.paging;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One page of a list: the items after a position, at most {@code limit} of them. Lists in id
 * order start after {@code afterId}; nearby answers, ordered by distance then id, after
 * ({@code afterMeters}, {@code afterId}). The cursor handed to clients is opaque; it encodes
 * the last position served, exactly (a distance as its 64 bits), so ties are never split wrongly.
 */
public record PageRequest(long afterId, OptionalDouble afterMeters, int limit) {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;

    private static final Pattern LIMIT = Pattern.compile("[1-9][0-9]{0,3}");
    private static final Pattern ID_CURSOR = Pattern.compile("id:([1-9][0-9]{0,18})");
    private static final Pattern DISTANCE_CURSOR = Pattern.compile("at:([0-9a-f]{16}):([1-9][0-9]{0,18})");

    /** A page of a list in id order. */
    public PageRequest(long afterId, int limit) {
        this(afterId, OptionalDouble.empty(), limit);
    }

    /** A {@code limit} parameter: 1 to {@value #MAX_LIMIT}, digits only; empty when invalid. */
    public static Optional<Integer> parseLimit(String raw) {
        if (!LIMIT.matcher(raw).matches()) {
            return Optional.empty();
        }
        int limit = Integer.parseInt(raw);
        return limit <= MAX_LIMIT ? Optional.of(limit) : Optional.empty();
    }

    /** The cursor of the page after the item with this id, in a list in id order. */
    public static String cursorAfter(long lastId) {
        return encode("id:" + lastId);
    }

    /** The cursor of the page after the item at this distance with this id, in a list by distance. */
    public static String cursorAfter(double lastMeters, long lastId) {
        return encode("at:" + String.format("%016x", Double.doubleToLongBits(lastMeters)) + ":" + lastId);
    }

    /** The id an id-order cursor points after; empty when it is not one of ours. */
    public static Optional<Long> decodeCursor(String cursor) {
        return decode(cursor, ID_CURSOR).flatMap(match -> parseId(match.group(1)));
    }

    /** The page a distance-order cursor points to; empty when it is not one of ours. */
    public static Optional<PageRequest> decodeDistanceCursor(String cursor, int limit) {
        return decode(cursor, DISTANCE_CURSOR).flatMap(match -> {
            double meters = Double.longBitsToDouble(Long.parseUnsignedLong(match.group(1), 16));
            if (!(meters >= 0) || Double.isInfinite(meters)) {
                return Optional.empty();
            }
            return parseId(match.group(2)).map(id -> new PageRequest(id, OptionalDouble.of(meters), limit));
        });
    }

    private static String encode(String position) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(position.getBytes(StandardCharsets.US_ASCII));
    }

    private static Optional<Matcher> decode(String cursor, Pattern format) {
        String decoded;
        try {
            decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        Matcher match = format.matcher(decoded);
        return match.matches() ? Optional.of(match) : Optional.empty();
    }

    private static Optional<Long> parseId(String digits) {
        try {
            return Optional.of(Long.parseLong(digits));
        } catch (NumberFormatException beyondLong) {
            return Optional.empty();
        }
    }
}
