package parking.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class BusinessMetricsTest {

    private static final Instant NOW = Instant.parse("2026-11-28T20:31:05Z");

    @Test
    void countsAnEventAsOneEmbeddedMetricFormatLine() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream stream = new PrintStream(out, true, StandardCharsets.UTF_8);
        new BusinessMetrics(() -> stream, Clock.fixed(NOW, ZoneOffset.UTC))
                .count(BusinessEvent.RESERVATION_MADE);

        String line = out.toString(StandardCharsets.UTF_8).strip();
        JsonNode emf = new ObjectMapper().readTree(line);

        assertEquals(1, line.lines().count());
        assertEquals(NOW.toEpochMilli(), emf.at("/_aws/Timestamp").asLong());
        assertEquals("ParkingApi", emf.at("/_aws/CloudWatchMetrics/0/Namespace").asText());
        assertEquals(0, emf.at("/_aws/CloudWatchMetrics/0/Dimensions/0").size());
        assertEquals("ReservationMade", emf.at("/_aws/CloudWatchMetrics/0/Metrics/0/Name").asText());
        assertEquals("Count", emf.at("/_aws/CloudWatchMetrics/0/Metrics/0/Unit").asText());
        assertEquals(1, emf.get("ReservationMade").asInt());
    }
}
