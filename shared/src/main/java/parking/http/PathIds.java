package parking.http;

import java.util.OptionalLong;

/** Ids in paths: only the canonical decimal form of a positive 64-bit integer names a resource. */
final class PathIds {

    private static final int MAX_DIGITS = 19;

    private PathIds() {
    }

    static OptionalLong parse(String segment) {
        if (segment == null || segment.isEmpty() || segment.length() > MAX_DIGITS || segment.charAt(0) == '0') {
            return OptionalLong.empty();
        }
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c < '0' || c > '9') {
                return OptionalLong.empty();
            }
        }
        try {
            return OptionalLong.of(Long.parseLong(segment));
        } catch (NumberFormatException beyondLong) {
            return OptionalLong.empty();
        }
    }
}
