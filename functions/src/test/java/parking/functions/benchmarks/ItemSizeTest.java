package parking.functions.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class ItemSizeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static int bytes(String json) throws Exception {
        return ItemSize.bytes(JSON.readTree(json));
    }

    @Test
    void aStringIsItsNameAndValueInUtf8() throws Exception {
        assertEquals(4 + 4, bytes("{\"name\": {\"S\": \"A-01\"}}"));
        assertEquals(4 + 5, bytes("{\"name\": {\"S\": \"Köln\"}}"));
    }

    @Test
    void aNumberIsOneBytePerTwoSignificantDigitsPlusOne() throws Exception {
        assertEquals(8 + 3 + 1, bytes("{\"latitude\": {\"N\": \"45.0703\"}}"));
        assertEquals(2 + 1 + 1, bytes("{\"id\": {\"N\": \"7\"}}"));
        // Leading and trailing zeros are trimmed: 1,000,000 and 0.0010 are one digit each.
        assertEquals(2 + 1 + 1, bytes("{\"id\": {\"N\": \"1000000\"}}"));
        assertEquals(1 + 1 + 1, bytes("{\"x\": {\"N\": \"-0.0010\"}}"));
        assertEquals(1 + 1 + 1, bytes("{\"x\": {\"N\": \"1.5E+3\"}}"));
    }

    @Test
    void aBooleanOrANullIsOneByte() throws Exception {
        assertEquals(8 + 1, bytes("{\"occupied\": {\"BOOL\": true}}"));
        assertEquals(4 + 1, bytes("{\"none\": {\"NULL\": true}}"));
    }

    @Test
    void aBinaryIsItsRawBytesNotItsBase64() throws Exception {
        assertEquals(3 + 3, bytes("{\"raw\": {\"B\": \"AQID\"}}"));
    }

    @Test
    void aListOrMapIsThreeBytesPlusOnePerElement() throws Exception {
        assertEquals(1 + 3 + (2 + 1) + (1 + 1), bytes("{\"l\": {\"L\": [{\"N\": \"12\"}, {\"BOOL\": false}]}}"));
        assertEquals(1 + 3 + (1 + 2) + 1, bytes("{\"m\": {\"M\": {\"k\": {\"S\": \"ab\"}}}}"));
    }

    @Test
    void anItemIsTheSumOfItsAttributes() throws Exception {
        assertEquals((2 + 2) + (8 + 1), bytes("{\"id\": {\"N\": \"12\"}, \"occupied\": {\"BOOL\": false}}"));
    }

    @Test
    void refusesASetItHasNoRuleFor() {
        JsonNode set = JSON.createObjectNode().set("tags", JSON.createObjectNode().set("SS", JSON.createArrayNode().add("a")));

        assertThrows(IllegalArgumentException.class, () -> ItemSize.bytes(set));
    }
}
