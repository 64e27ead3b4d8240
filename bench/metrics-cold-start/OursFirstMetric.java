import java.time.Clock;
import parking.metrics.BusinessEvent;
import parking.metrics.BusinessMetrics;

/** A fresh JVM's first business metric through the project's own EMF writer, then exit. */
public class OursFirstMetric {
    public static void main(String[] args) {
        new BusinessMetrics(() -> System.out, Clock.systemUTC()).count(BusinessEvent.USER_CREATED);
    }
}
