package parking.slots;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import parking.geo.Circle;

/**
 * The contract's requirements on slot fields and filters, as parsers of one
 * raw value each: empty when the value breaks the rule, so that form and query checks can
 * collect every bad field before answering.
 */
public final class SlotRules {

    /** Reservation length when {@code minutes} is not sent. */
    public static final int DEFAULT_MINUTES = 15;
    /** Radius of a nearby search when {@code radius} is not sent, in meters. */
    public static final int DEFAULT_RADIUS_METERS = 500;

    private static final int MAX_RADIUS_METERS = 5000;
    private static final int MAX_NAME_CHARACTERS = 64;
    private static final int MAX_MINUTES = 120;
    private static final BigDecimal MAX_LATITUDE = BigDecimal.valueOf(90);
    private static final BigDecimal MAX_LONGITUDE = BigDecimal.valueOf(180);
    /**
     * A decimal as JSON writes one, without exponent: optional minus, no leading zeros, at most
     * 20 fraction digits (far below a millimetre, and well inside DynamoDB's 38 significant digits).
     */
    private static final Pattern DECIMAL = Pattern.compile("-?(0|[1-9][0-9]{0,2})(\\.[0-9]{1,20})?");
    /** A whole number in canonical decimal form: no sign, no leading zero, at most a long's 19 digits. */
    private static final Pattern WHOLE = Pattern.compile("[1-9][0-9]{0,18}");

    private SlotRules() {
    }

    /** 1-64 characters (code points), none of them a control character. */
    public static Optional<String> name(String raw) {
        int characters = raw.codePointCount(0, raw.length());
        if (characters < 1 || characters > MAX_NAME_CHARACTERS || raw.codePoints().anyMatch(Character::isISOControl)) {
            return Optional.empty();
        }
        return Optional.of(raw);
    }

    /** A plain decimal in [-90, 90]. */
    public static Optional<BigDecimal> latitude(String raw) {
        return decimalWithin(raw, MAX_LATITUDE);
    }

    /** A plain decimal in [-180, 180]. */
    public static Optional<BigDecimal> longitude(String raw) {
        return decimalWithin(raw, MAX_LONGITUDE);
    }

    /** {@code true}, {@code false}, {@code 1} or {@code 0}, in any letter case. */
    public static Optional<Boolean> flag(String raw) {
        return switch (raw.toLowerCase(Locale.ROOT)) {
            case "true", "1" -> Optional.of(true);
            case "false", "0" -> Optional.of(false);
            default -> Optional.empty();
        };
    }

    /** {@code free}, {@code occupied}, {@code reserved} or {@code unknown}, as the API writes them. */
    public static Optional<SlotStatus> status(String raw) {
        return Arrays.stream(SlotStatus.values()).filter(status -> status.wireName().equals(raw)).findFirst();
    }

    /** An integer from 1 to 120, in canonical decimal form. */
    public static Optional<Integer> minutes(String raw) {
        return wholeUpTo(raw, MAX_MINUTES).map(Math::toIntExact);
    }

    /**
     * {@code <latitude>,<longitude>}: two plain decimals in their ranges joined by one comma; the
     * circle has the default radius.
     */
    public static Optional<Circle> near(String raw) {
        int comma = raw.indexOf(',');
        if (comma < 0) {
            return Optional.empty();
        }
        Optional<BigDecimal> latitude = latitude(raw.substring(0, comma));
        Optional<BigDecimal> longitude = longitude(raw.substring(comma + 1));
        if (latitude.isEmpty() || longitude.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Circle(latitude.get().doubleValue(), longitude.get().doubleValue(), DEFAULT_RADIUS_METERS));
    }

    /** Whole meters from 1 to 5000, in canonical decimal form. */
    public static Optional<Integer> radius(String raw) {
        return wholeUpTo(raw, MAX_RADIUS_METERS).map(Math::toIntExact);
    }

    /** A user id: the canonical decimal form of a positive 64-bit integer. */
    public static Optional<Long> userId(String raw) {
        return wholeUpTo(raw, Long.MAX_VALUE);
    }

    /** A whole number from 1 to {@code max}, in canonical decimal form. */
    private static Optional<Long> wholeUpTo(String raw, long max) {
        if (!WHOLE.matcher(raw).matches()) {
            return Optional.empty();
        }
        try {
            long value = Long.parseLong(raw);
            return value <= max ? Optional.of(value) : Optional.empty();
        } catch (NumberFormatException beyondLong) {
            return Optional.empty();
        }
    }

    /**
     * Trailing zeros are dropped because DynamoDB stores numbers normalized: {@code 45.0700}
     * would read back as {@code 45.07}, so every response shows the stored form.
     */
    private static Optional<BigDecimal> decimalWithin(String raw, BigDecimal bound) {
        if (!DECIMAL.matcher(raw).matches()) {
            return Optional.empty();
        }
        BigDecimal value = new BigDecimal(raw);
        if (value.abs().compareTo(bound) > 0) {
            return Optional.empty();
        }
        BigDecimal normalized = value.stripTrailingZeros();
        return Optional.of(normalized.scale() < 0 ? normalized.setScale(0) : normalized);
    }
}
