package parking.db;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * Builds the DynamoDB client once per JVM, set up for Lambda: region and credentials read
 * straight from the variables Lambda sets (no provider chain to walk), the light
 * URLConnection HTTP client, timeouts well inside the function timeout, and the SDK's standard
 * retry mode with a bounded number of attempts.
 */
public final class Dynamo {

    /** Environment variable naming another endpoint (dynalite, LocalStack); unset on AWS. */
    public static final String ENDPOINT_VARIABLE = "DYNAMODB_ENDPOINT";

    private static final String CONTAINER_CREDENTIALS_VARIABLE = "AWS_CONTAINER_CREDENTIALS_FULL_URI";
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(1);
    private static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(5);
    private static final int MAX_ATTEMPTS = 3;

    private Dynamo() {
    }

    public static DynamoDbClient client(Map<String, String> env) {
        RetryStrategy retries = AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(MAX_ATTEMPTS).build();
        DynamoDbClientBuilder builder = DynamoDbClient.builder()
                .httpClient(UrlConnectionHttpClient.builder()
                        .connectionTimeout(CONNECT_TIMEOUT)
                        .socketTimeout(SOCKET_TIMEOUT)
                        .build())
                .region(Region.of(env.getOrDefault("AWS_REGION", "us-east-1")))
                .credentialsProvider(credentials(env))
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .apiCallAttemptTimeout(ATTEMPT_TIMEOUT)
                        .apiCallTimeout(CALL_TIMEOUT)
                        .retryStrategy(retries)
                        .build());
        String endpoint = env.get(ENDPOINT_VARIABLE);
        if (endpoint != null && !endpoint.isBlank()) {
            builder.endpointOverride(URI.create(endpoint));
        }
        return builder.build();
    }

    /**
     * Lambda puts the function's credentials in its environment; reading them from the map
     * avoids the default chain's probing (profile files, container and instance metadata).
     * With SnapStart it gives a container credentials endpoint instead (Lambda developer guide,
     * "Activating and managing Lambda SnapStart", credentials): that provider fetches them, and
     * fetches fresh ones once those it holds expire, so credentials cached in a snapshot before
     * it was taken are never used past their expiry after a restore.
     * Public for the deployment tools, which check the credentials before their first call.
     */
    public static AwsCredentialsProvider credentials(Map<String, String> env) {
        if (env.containsKey(CONTAINER_CREDENTIALS_VARIABLE)) {
            return ContainerCredentialsProvider.builder().build();
        }
        String id = env.get("AWS_ACCESS_KEY_ID");
        String secret = env.get("AWS_SECRET_ACCESS_KEY");
        if (id == null || secret == null) {
            return DefaultCredentialsProvider.builder().build();
        }
        String session = env.get("AWS_SESSION_TOKEN");
        return StaticCredentialsProvider.create(session == null
                ? AwsBasicCredentials.create(id, secret)
                : AwsSessionCredentials.create(id, secret, session));
    }
}
