package parking.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

class DynamoTest {

    @Test
    void onDemandFunctionsUseTheKeysLambdaPutsInTheirEnvironment() {
        var provider = Dynamo.credentials(Map.of("AWS_ACCESS_KEY_ID", "id", "AWS_SECRET_ACCESS_KEY", "secret", "AWS_SESSION_TOKEN", "token"));
        assertInstanceOf(StaticCredentialsProvider.class, provider);
        assertEquals("token", ((AwsSessionCredentials) provider.resolveCredentials()).sessionToken());
    }

    @Test
    void snapStartFunctionsFetchCredentialsFromTheContainerEndpointEvenWithKeysSet() {
        var provider = Dynamo.credentials(Map.of(
                "AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://127.0.0.1:9001/2021-04-23/credentials",
                "AWS_CONTAINER_AUTHORIZATION_TOKEN", "token",
                "AWS_ACCESS_KEY_ID", "id", "AWS_SECRET_ACCESS_KEY", "secret"));
        assertInstanceOf(ContainerCredentialsProvider.class, provider);
    }
}
