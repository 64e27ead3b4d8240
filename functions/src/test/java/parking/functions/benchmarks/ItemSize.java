package parking.functions.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;

/**
 * The size DynamoDB bills an item (or an index entry) by, from the item in DynamoDB's JSON wire
 * format ({@code {"name": {"S": "A-01"}, ...}}), by the rules of the Amazon DynamoDB Developer
 * Guide, "DynamoDB item sizes and formats"
 * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/CapacityUnitCalculations.html):
 * each attribute is its name's UTF-8 bytes plus its value's size. The 100 bytes of per-item
 * overhead that page names are billed as storage, not as write or read units, so they are not here.
 */
final class ItemSize {

    /** One write unit writes up to 1 KB (Amazon DynamoDB Developer Guide, "DynamoDB read and write operations"). */
    private static final int WRITE_UNIT_BYTES = 1024;

    private ItemSize() {
    }

    /** Write units of writing an item or an index entry of this size: one per started KB, at least one. */
    static int writeUnits(int bytes) {
        return Math.max(1, (bytes + WRITE_UNIT_BYTES - 1) / WRITE_UNIT_BYTES);
    }

    /** The item's size in bytes: every attribute's name and value. */
    static int bytes(JsonNode item) {
        int bytes = 0;
        for (Iterator<Map.Entry<String, JsonNode>> attributes = item.fields(); attributes.hasNext(); ) {
            Map.Entry<String, JsonNode> attribute = attributes.next();
            bytes += attributeBytes(attribute.getKey(), attribute.getValue());
        }
        return bytes;
    }

    /** One attribute's size: its name and its typed value ({@code {"S": "A-01"}}). */
    static int attributeBytes(String name, JsonNode typedValue) {
        return utf8(name) + valueBytes(typedValue);
    }

    /**
     * @throws IllegalArgumentException for a set type (SS, NS, BS): the page gives no rule for them,
     *                                  and no item of this project holds one
     */
    private static int valueBytes(JsonNode typed) {
        Map.Entry<String, JsonNode> value = typed.fields().next();
        JsonNode content = value.getValue();
        return switch (value.getKey()) {
            case "S" -> utf8(content.asText());
            // 1 byte per two significant digits (leading and trailing zeros trimmed), plus 1.
            case "N" -> (significantDigits(content.asText()) + 1) / 2 + 1;
            // Sent base64-encoded, billed by its raw bytes.
            case "B" -> Base64.getDecoder().decode(content.asText()).length;
            case "BOOL", "NULL" -> 1;
            // 3 bytes for the List or Map, 1 more per element.
            case "L" -> {
                int bytes = 3;
                for (JsonNode element : content) {
                    bytes += valueBytes(element) + 1;
                }
                yield bytes;
            }
            case "M" -> 3 + bytes(content) + content.size();
            default -> throw new IllegalArgumentException("no size rule for DynamoDB type " + value.getKey());
        };
    }

    /** The digits of a number in DynamoDB's text form, leading and trailing zeros left out (at least one). */
    private static int significantDigits(String number) {
        int first = -1;
        int last = -1;
        int digits = 0;
        for (int c = 0; c < number.length(); c++) {
            char character = number.charAt(c);
            if (character == 'e' || character == 'E') {
                break;
            }
            if (character >= '0' && character <= '9') {
                if (character != '0') {
                    first = first < 0 ? digits : first;
                    last = digits;
                }
                digits++;
            }
        }
        return first < 0 ? 1 : last - first + 1;
    }

    private static int utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
