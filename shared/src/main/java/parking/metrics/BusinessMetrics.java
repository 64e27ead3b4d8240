package parking.metrics;

import java.io.PrintStream;
import java.time.Clock;
import java.util.function.Supplier;
import parking.json.JsonWriter;

/**
 * Counts business events as CloudWatch metrics in the embedded metric format (EMF): one JSON
 * line on standard output per event, which CloudWatch Logs turns into a metric with no API call
 * and no extra latency. Namespace {@value #NAMESPACE}, no dimensions (each dimension value would
 * be one more billed metric).
 *
 * @see <a href="https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch_Embedded_Metric_Format_Specification.html">EMF specification</a>
 */
public final class BusinessMetrics {

    public static final String NAMESPACE = "ParkingApi";

    private final Supplier<PrintStream> out;
    private final Clock clock;

    /** {@code out} is asked for the stream at each event, as {@code System.out} is where the request log goes. */
    public BusinessMetrics(Supplier<PrintStream> out, Clock clock) {
        this.out = out;
        this.clock = clock;
    }

    public void count(BusinessEvent event) {
        out.get().println(JsonWriter.object(event, (json, e) -> {
            json.writeObjectFieldStart("_aws");
            json.writeNumberField("Timestamp", clock.millis());
            json.writeArrayFieldStart("CloudWatchMetrics");
            json.writeStartObject();
            json.writeStringField("Namespace", NAMESPACE);
            json.writeArrayFieldStart("Dimensions");
            json.writeStartArray();
            json.writeEndArray();
            json.writeEndArray();
            json.writeArrayFieldStart("Metrics");
            json.writeStartObject();
            json.writeStringField("Name", e.metricName());
            json.writeStringField("Unit", "Count");
            json.writeEndObject();
            json.writeEndArray();
            json.writeEndObject();
            json.writeEndArray();
            json.writeEndObject();
            json.writeNumberField(e.metricName(), 1);
        }));
    }
}
