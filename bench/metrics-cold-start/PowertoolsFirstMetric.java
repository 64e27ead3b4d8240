import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.MetricsFactory;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/** A fresh JVM's first business metric through Powertools for AWS Lambda (Java) v2, then exit. */
public class PowertoolsFirstMetric {
    public static void main(String[] args) {
        Metrics metrics = MetricsFactory.getMetricsInstance();
        metrics.setNamespace("ParkingApi");
        metrics.addMetric("UserCreated", 1, MetricUnit.COUNT);
        metrics.flush();
    }
}
