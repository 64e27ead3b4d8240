package parking.functions.benchmarks;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Adds up, per thread, the time the DynamoDB client spends in its calls, from the request handed
 * to the SDK to the result handed back: what a request's timing leaves out to count the handler
 * alone. The SDK adds the "global" interceptors that a class path resource lists to every client
 * it builds; {@code bench/requests} puts {@code bench/sdk-call-timer}, which lists this one, on the
 * benchmark's class path, and only there.
 */
public final class SdkCallTimer implements ExecutionInterceptor {

    private static final ExecutionAttribute<Long> STARTED = new ExecutionAttribute<>("parking.benchmark.started");
    private static final ThreadLocal<long[]> NANOS = ThreadLocal.withInitial(() -> new long[1]);

    /** The time this thread spent in DynamoDB calls since the last call of this method. */
    static long takeNanos() {
        long[] nanos = NANOS.get();
        long taken = nanos[0];
        nanos[0] = 0;
        return taken;
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        attributes.putAttribute(STARTED, System.nanoTime());
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        add(attributes);
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        add(attributes);
    }

    private static void add(ExecutionAttributes attributes) {
        Long started = attributes.getAttribute(STARTED);
        if (started != null) {
            NANOS.get()[0] += System.nanoTime() - started;
        }
    }
}
