package parking.functions.benchmarks;

/**
 * What AWS charges for a request, us-east-1, as published late 2026 (BENCHMARKS.md,
 * {@code NOTES.md}), and the model of a function's billed time the cost tables share.
 */
final class Prices {

    static final double HTTP_API_PER_MILLION = 1.00;
    static final double LAMBDA_REQUESTS_PER_MILLION = 0.20;
    static final double LAMBDA_ARM_PER_GB_SECOND = 0.0000133334;
    static final double READ_UNIT_PER_MILLION = 0.125;
    static final double WRITE_UNIT_PER_MILLION = 0.625;
    /** A function below 1,769 MB gets that share of one vCPU (Lambda developer guide, memory and computing power). */
    static final double FULL_VCPU_MB = 1769;
    /** Assumed time of one DynamoDB call from Lambda in the same region (DynamoDB promises single-digit milliseconds). */
    static final double DYNAMO_CALL_MS = 5;

    private Prices() {
    }

    /** The per-request fees: API Gateway's and Lambda's. */
    static double fees() {
        return HTTP_API_PER_MILLION + LAMBDA_REQUESTS_PER_MILLION;
    }

    /** Lambda duration, USD per million requests of {@code billedMs} at {@code memoryMb}. */
    static double duration(int memoryMb, long billedMs) {
        return LAMBDA_ARM_PER_GB_SECOND * memoryMb / 1024.0 * billedMs / 1000.0 * 1_000_000;
    }

    /**
     * The billed milliseconds of a request that took {@code withClientMs} of this machine's core
     * (its DynamoDB calls answered at once) and makes {@code calls} DynamoDB calls: scaled to the
     * function's CPU share, plus {@link #DYNAMO_CALL_MS} a call, rounded up.
     */
    static long billedMs(int memoryMb, double withClientMs, int calls) {
        double cpuShare = Math.min(1, memoryMb / FULL_VCPU_MB);
        return (long) Math.ceil(withClientMs / cpuShare + DYNAMO_CALL_MS * calls);
    }

    /** USD per million requests: fees, duration and DynamoDB units. */
    static double perMillion(int memoryMb, long billedMs, double readUnits, double writeUnits) {
        return fees() + duration(memoryMb, billedMs) + readUnits * READ_UNIT_PER_MILLION + writeUnits * WRITE_UNIT_PER_MILLION;
    }
}
