package parking.db;

import java.util.Optional;
import parking.errors.ApiException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * Which database failures the client should simply retry later: throttling, DynamoDB's own
 * server errors, and a database that cannot be reached or answered too late (after the SDK's
 * bounded retries). Everything else is a bug and stays a 500.
 */
public final class DatabaseErrors {

    private DatabaseErrors() {
    }

    public static Optional<ApiException> asUnavailable(Throwable error) {
        if (error instanceof AwsServiceException service && (service.isThrottlingException() || service.statusCode() >= 500)) {
            return Optional.of(ApiException.serviceUnavailable());
        }
        if (error instanceof SdkClientException) {
            // Connection refused or reset, timeouts, retries exhausted: the request never completed.
            return Optional.of(ApiException.serviceUnavailable());
        }
        return Optional.empty();
    }
}
