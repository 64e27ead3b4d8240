package parking.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import parking.auth.Tokens;
import parking.errors.ApiException;
import parking.testing.StandardOutput;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

class EndpointTest {

    private static final Tokens TOKENS = new Tokens("0123456789abcdef0123456789abcdef-test-only", "parking-api",
            Optional.empty(), Clock.fixed(Instant.parse("2026-11-28T20:31:05Z"), ZoneOffset.UTC));
    private static final String TOKEN = TOKENS.issue(42, "alice");
    private static final String SECRET_DETAIL = "password=hunter2 for user alice";

    private final Endpoint authenticated = Endpoint.authenticated(TOKENS);
    /** The request the action saw; null while it has not run. */
    private final AtomicReference<Request> seen = new AtomicReference<>();
    private final Endpoint.Action action = request -> {
        seen.set(request);
        return Responses.message(200, "done");
    };

    private static Context context(String requestId) {
        return (Context) Proxy.newProxyInstance(Context.class.getClassLoader(), new Class<?>[] {Context.class},
                (proxy, method, args) -> method.getName().equals("getAwsRequestId") ? requestId : null);
    }

    private APIGatewayV2HTTPResponse serve(Endpoint endpoint, HttpApiEvent request, Endpoint.Action action) {
        return endpoint.serve(request.build(), context("lambda-req-1"), action);
    }

    private APIGatewayV2HTTPResponse serve(HttpApiEvent request) {
        return serve(authenticated, request, action);
    }

    private APIGatewayV2HTTPResponse failingWith(RuntimeException error) {
        return serve(authenticated, HttpEvent.request().bearer(TOKEN), request -> {
            throw error;
        });
    }

    private static void assertMessage(int status, String message, APIGatewayV2HTTPResponse response) {
        assertEquals(status, response.getStatusCode());
        assertEquals(message, response.getBody());
        assertEquals("text/plain; charset=utf-8", response.getHeaders().get("Content-Type"));
    }

    private static byte[] bodyOfSize(int size) {
        byte[] body = new byte[size];
        Arrays.fill(body, (byte) 'x');
        return body;
    }

    private static DynamoDbException serviceError(String code, int status) {
        return (DynamoDbException) DynamoDbException.builder()
                .message(SECRET_DETAIL)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(SECRET_DETAIL).serviceName("DynamoDb").build())
                .statusCode(status)
                .build();
    }

    // --- 401

    @Test
    void withoutAuthorizationHeaderAnswers401MissingToken() {
        APIGatewayV2HTTPResponse response = serve(HttpEvent.request());

        assertMessage(401, "missing token", response);
        assertEquals("Bearer", response.getHeaders().get("WWW-Authenticate"));
        assertNull(seen.get());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Basic YWxpY2U6c2VjcmV0", "Token abc", "Bearer", "Bearer ", "Bearerabc"})
    void authorizationThatIsNotABearerTokenAnswers401MissingToken(String header) {
        APIGatewayV2HTTPResponse response = serve(HttpEvent.request().header("authorization", header));

        assertMessage(401, "missing token", response);
        assertEquals("Bearer", response.getHeaders().get("WWW-Authenticate"));
        assertNull(seen.get());
    }

    @Test
    void invalidTokenAnswers401InvalidTokenWithTheErrorChallenge() {
        APIGatewayV2HTTPResponse response = serve(HttpEvent.request().bearer(TOKEN + "x"));

        assertMessage(401, "invalid token", response);
        assertEquals("Bearer error=\"invalid_token\"", response.getHeaders().get("WWW-Authenticate"));
        assertNull(seen.get());
    }

    @Test
    void tokenFromAnotherDeploymentAnswers401InvalidToken() {
        Tokens other = new Tokens("another-deployment-secret-of-32-bytes!", "parking-api", Optional.empty(), Clock.systemUTC());

        assertMessage(401, "invalid token", serve(HttpEvent.request().bearer(other.issue(42, "alice"))));
    }

    @Test
    void validTokenRunsTheActionAsItsUser() {
        APIGatewayV2HTTPResponse response = serve(HttpEvent.request().bearer(TOKEN));

        assertMessage(200, "done", response);
        assertEquals(42, seen.get().callerId());
    }

    @Test
    void bearerSchemeIsCaseInsensitive() {
        serve(HttpEvent.request().header("Authorization", "bearer " + TOKEN));

        assertEquals(42, seen.get().callerId());
    }

    @Test
    void authorizationHeaderIsFoundUnderATitleCaseName() {
        serve(HttpEvent.request().header("Authorization", "Bearer " + TOKEN));

        assertEquals(42, seen.get().callerId());
    }

    @Test
    void missingTokenComesBeforeTooLarge() {
        assertMessage(401, "missing token", serve(HttpEvent.request().body(null, bodyOfSize(20000))));
    }

    @Test
    void invalidTokenComesBeforeTooLarge() {
        assertMessage(401, "invalid token", serve(HttpEvent.request().bearer("garbage").body(null, bodyOfSize(20000))));
    }

    // --- 413

    @Test
    void oversizedBodyAnswers413BeforeTheActionRuns() {
        APIGatewayV2HTTPResponse response = serve(HttpEvent.request().bearer(TOKEN).body(null, bodyOfSize(16385)));

        assertMessage(413, "payload too large", response);
        assertNull(seen.get());
    }

    @Test
    void bodyOfSixteenKibReachesTheAction() {
        assertMessage(200, "done", serve(HttpEvent.request().bearer(TOKEN).body(null, bodyOfSize(16384))));
    }

    // --- open endpoints

    @Test
    void openEndpointRunsTheActionWithoutAToken() {
        assertMessage(200, "done", serve(Endpoint.open(), HttpEvent.request(), action));
    }

    @Test
    void openEndpointIgnoresAnInvalidToken() {
        assertMessage(200, "done", serve(Endpoint.open(), HttpEvent.request().bearer("garbage"), action));
    }

    @Test
    void openEndpointStillRefusesAnOversizedBody() {
        assertMessage(413, "payload too large", serve(Endpoint.open(), HttpEvent.request().body(null, bodyOfSize(16385)), action));
        assertNull(seen.get());
    }

    // --- failures raised by the action

    @Test
    void apiExceptionBecomesItsStatusAndMessage() {
        assertMessage(409, "username conflict", failingWith(ApiException.conflict("username conflict")));
        assertMessage(400, "invalid fields [username]", failingWith(ApiException.badRequest("invalid fields [username]")));
    }

    @Test
    void apiExceptionKeepsItsHeaders() {
        APIGatewayV2HTTPResponse response = failingWith(ApiException.badCredentials());

        assertMessage(401, "bad credentials", response);
        assertEquals("Bearer", response.getHeaders().get("WWW-Authenticate"));
        assertEquals("nosniff", response.getHeaders().get("X-Content-Type-Options"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ProvisionedThroughputExceededException", "ThrottlingException", "RequestLimitExceeded"})
    void databaseThrottlingAnswers503WithRetryAfter(String errorCode) {
        APIGatewayV2HTTPResponse response = failingWith(serviceError(errorCode, 400));

        assertMessage(503, "service unavailable", response);
        assertTrue(response.getHeaders().get("Retry-After").matches("[1-9][0-9]*"), response.getHeaders().toString());
    }

    @Test
    void databaseServerErrorAnswers503() {
        APIGatewayV2HTTPResponse response = failingWith(serviceError("InternalServerError", 500));

        assertMessage(503, "service unavailable", response);
        assertTrue(response.getHeaders().containsKey("Retry-After"));
    }

    @Test
    void unreachableDatabaseAnswers503() {
        APIGatewayV2HTTPResponse response = failingWith(SdkClientException.create("Unable to execute HTTP request: Connection refused"));

        assertMessage(503, "service unavailable", response);
        assertTrue(response.getHeaders().containsKey("Retry-After"));
    }

    @Test
    void databaseRejectingOurRequestIsAnInternalError() {
        assertMessage(500, "internal error", failingWith(serviceError("ValidationException", 400)));
    }

    @Test
    void conditionalCheckFailureThatEscapesTheRepositoryIsAnInternalError() {
        assertMessage(500, "internal error", failingWith(ConditionalCheckFailedException.builder().message(SECRET_DETAIL).statusCode(400).build()));
    }

    @Test
    void unexpectedExceptionAnswers500WithoutDetails() {
        APIGatewayV2HTTPResponse response = failingWith(new IllegalStateException(SECRET_DETAIL));

        assertMessage(500, "internal error", response);
        assertFalse(response.getBody().contains("Exception"));
        assertFalse(response.getBody().contains("hunter2"));
    }

    @Test
    void unexpectedExceptionIsLoggedAsOneLineWithRequestIdsAndNoMessage() {
        String log = StandardOutput.printedBy(() -> failingWith(new IllegalStateException(SECRET_DETAIL, new RuntimeException("cause " + SECRET_DETAIL))));

        assertEquals(1, log.strip().lines().count(), log);
        assertTrue(log.contains("\"status\":500"), log);
        assertTrue(log.contains("\"request_id\":\"lambda-req-1\""), log);
        assertTrue(log.contains("\"api_request_id\":\"api-req-1\""), log);
        assertTrue(log.contains("java.lang.IllegalStateException"), log);
        assertFalse(log.contains("hunter2"), log);
        assertFalse(log.contains(TOKEN), log);
    }

    @Test
    void databaseOutageIsLoggedWithoutTheServiceMessage() {
        String log = StandardOutput.printedBy(() -> failingWith(serviceError("ProvisionedThroughputExceededException", 400)));

        assertTrue(log.contains("\"status\":503"), log);
        assertFalse(log.contains("hunter2"), log);
    }

    @Test
    void everyRequestIsLoggedAsOneLineWithRouteStatusLatencyAndCaller() {
        String log = StandardOutput.printedBy(() -> failingWith(ApiException.conflict("username conflict")));

        assertEquals(1, log.strip().lines().count(), log);
        assertTrue(log.contains("\"level\":\"INFO\""), log);
        assertTrue(log.contains("\"status\":409"), log);
        assertTrue(log.contains("\"latency_ms\":"), log);
        assertTrue(log.contains("\"route\":"), log);
        assertTrue(log.contains("\"user_id\":"), log);
        assertFalse(log.contains("username conflict"), log);
        assertFalse(log.contains(TOKEN), log);
    }
}
