package parking.local.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import parking.local.fixtures.ShapedResponseHandler;

/** The local API over real HTTP, serving the fixture template's test handlers. */
class LocalApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static FixtureApi api;

    @BeforeAll
    static void start() {
        api = new FixtureApi();
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (Exception e) {
            throw new AssertionError(response.body(), e);
        }
    }

    @Test
    void answersAnUnknownRouteWith404NotFoundAsApiGatewayDoes() {
        HttpResponse<String> response = api.get("/nowhere");

        assertEquals(404, response.statusCode());
        assertEquals("{\"message\":\"Not Found\"}", response.body());
        assertEquals("application/json", response.headers().firstValue("content-type").orElseThrow());
    }

    @Test
    void answersAKnownPathWithAnotherMethodWith404() {
        assertEquals(404, api.send(HttpRequest.newBuilder(api.url("/plain")).DELETE()).statusCode());
    }

    @Test
    void deliversAFormBodyBase64EncodedWithLowerCaseHeadersAsTheHttpApiDoes() {
        HttpResponse<String> response = api.send(HttpRequest.newBuilder(api.url("/echo/42?b=2&a=1&a=3&empty"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Repeated", "one")
                .header("X-Repeated", "two")
                .header("Cookie", "session=abc; theme=dark")
                .POST(HttpRequest.BodyPublishers.ofString("username=alice&password=secret123")));

        assertEquals(200, response.statusCode(), response.body());
        JsonNode event = json(response);
        assertEquals("2.0", event.get("version").asText());
        assertEquals("ANY /echo/{item_id}", event.get("routeKey").asText());
        assertEquals("/echo/42", event.get("rawPath").asText());
        assertEquals("b=2&a=1&a=3&empty", event.get("rawQueryString").asText());
        assertEquals("1,3", event.at("/queryStringParameters/a").asText());
        assertEquals("", event.at("/queryStringParameters/empty").asText());
        assertEquals("42", event.at("/pathParameters/item_id").asText());
        assertEquals("application/x-www-form-urlencoded", event.at("/headers/content-type").asText());
        assertEquals("one,two", event.at("/headers/x-repeated").asText());
        assertFalse(event.get("headers").has("cookie"));
        assertEquals(List.of("session=abc", "theme=dark"), List.of(event.at("/cookies/0").asText(), event.at("/cookies/1").asText()));
        assertTrue(event.get("isBase64Encoded").asBoolean());
        assertEquals("username=alice&password=secret123",
                new String(Base64.getDecoder().decode(event.get("body").asText()), StandardCharsets.UTF_8));
        assertEquals("POST", event.at("/requestContext/http/method").asText());
        assertEquals("$default", event.at("/requestContext/stage").asText());
        assertEquals(response.headers().firstValue("apigw-requestid").orElseThrow(), event.at("/requestContext/requestId").asText());
    }

    @Test
    void namesTheConnectionsAddressAsTheSourceIpWhateverForwardingHeadersSay() throws Exception {
        HttpClient fromAnotherLoopback = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .localAddress(InetAddress.getByName("127.0.0.2")).build();

        HttpResponse<String> response = fromAnotherLoopback.send(HttpRequest.newBuilder(api.url("/echo/1"))
                .header("X-Forwarded-For", "203.0.113.9").header("Forwarded", "for=203.0.113.9").GET().build(),
                HttpResponse.BodyHandlers.ofString());

        JsonNode event = json(response);
        assertEquals("127.0.0.2", event.at("/requestContext/http/sourceIp").asText());
        assertEquals("127.0.0.2", event.at("/headers/x-forwarded-for").asText());
    }

    @Test
    void deliversAJsonBodyAsTextNotBase64() {
        HttpResponse<String> response = api.send(HttpRequest.newBuilder(api.url("/echo/7"))
                .header("Content-Type", "application/json; charset=utf-8")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"name\":\"A-01\"}")));

        JsonNode event = json(response);
        assertFalse(event.get("isBase64Encoded").asBoolean());
        assertEquals("{\"name\":\"A-01\"}", event.get("body").asText());
    }

    @Test
    void bindsTheRestOfThePathToAGreedyVariable() {
        JsonNode event = json(api.get("/files/docs/2026/report%20final.pdf"));

        assertEquals("GET /files/{path+}", event.get("routeKey").asText());
        assertEquals("docs/2026/report final.pdf", event.at("/pathParameters/path").asText());
    }

    @Test
    void mapsStatusHeadersCookiesAndABase64BodyOfAStructuredResponse() throws Exception {
        HttpResponse<byte[]> response = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build().send(
                HttpRequest.newBuilder(api.url("/shaped")).build(), HttpResponse.BodyHandlers.ofByteArray());

        assertEquals(418, response.statusCode());
        assertEquals("image/png", response.headers().firstValue("content-type").orElseThrow());
        assertEquals("yes", response.headers().firstValue("x-custom").orElseThrow());
        assertEquals(List.of("session=abc; Path=/; HttpOnly", "theme=dark"), response.headers().allValues("set-cookie"));
        assertArrayEquals(ShapedResponseHandler.BODY, response.body());
    }

    @Test
    void turnsABareStringResponseInto200JsonWithThatText() {
        HttpResponse<String> response = api.get("/plain");

        assertEquals(200, response.statusCode());
        assertEquals("application/json", response.headers().firstValue("content-type").orElseThrow());
        assertEquals("hello from /plain", response.body());
    }

    @Test
    void answers500InternalServerErrorWhenTheHandlerThrows() {
        HttpResponse<String> response = api.get("/failing");

        assertEquals(500, response.statusCode());
        assertEquals("{\"message\":\"Internal Server Error\"}", response.body());
        assertTrue(api.log().contains("unhandled java.lang.IllegalStateException"), api.log());
        assertTrue(api.log().contains("[FailingFunction] java.lang.IllegalStateException: the handler failed on purpose"), api.log());
    }

    @Test
    void answers500WhenTheHandlerCannotBeConstructed() {
        HttpResponse<String> response = api.get("/broken");

        assertEquals(500, response.statusCode());
        assertEquals("{\"message\":\"Internal Server Error\"}", response.body());
        assertTrue(api.log().contains("init failed: java.lang.IllegalStateException"), api.log());
    }

    @Test
    void answers504AndStopsTheJvmWhenTheFunctionOutlivesItsTimeout() {
        long started = System.nanoTime();
        HttpResponse<String> response = api.get("/sleep");
        long seconds = (System.nanoTime() - started) / 1_000_000_000;

        assertEquals(504, response.statusCode());
        assertEquals("{\"message\":\"Endpoint request timed out\"}", response.body());
        assertTrue(seconds < 10, "answered after " + seconds + " s");
        assertTrue(api.log().contains("SleepingFunction cold"), api.log());
        assertTrue(api.log().contains("TIMED OUT after 1 s"), api.log());
    }

    @Test
    void givesTheFunctionExactlyTheTemplateEnvironmentAndLambdaVariables() {
        JsonNode report = json(api.get("/environment"));
        JsonNode env = report.get("environment");

        Set<String> names = new TreeSet<>();
        env.fieldNames().forEachRemaining(names::add);
        Set<String> expected = new TreeSet<>(List.of("GREETING", "API_SECRET", "LEVEL",
                "AWS_LAMBDA_FUNCTION_NAME", "AWS_LAMBDA_FUNCTION_VERSION", "AWS_LAMBDA_FUNCTION_MEMORY_SIZE",
                "AWS_LAMBDA_LOG_GROUP_NAME", "AWS_LAMBDA_LOG_STREAM_NAME", "AWS_LAMBDA_INITIALIZATION_TYPE",
                "AWS_LAMBDA_RUNTIME_API", "AWS_EXECUTION_ENV", "AWS_REGION", "AWS_DEFAULT_REGION",
                "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "_HANDLER", "LAMBDA_TASK_ROOT", "TZ", "LANG", "PATH"));
        assertEquals(expected, names);
        assertEquals("hello", env.get("GREETING").asText());
        assertEquals("trace", env.get("LEVEL").asText(), "--env overrides a declared variable");
        assertTrue(env.get("API_SECRET").asText().matches("[A-Za-z0-9]{50}"), "the secret reference resolves to the local secret");
        assertEquals("320", env.get("AWS_LAMBDA_FUNCTION_MEMORY_SIZE").asText());
        assertEquals("AWS_Lambda_java21", env.get("AWS_EXECUTION_ENV").asText());
        assertEquals("parking.local.fixtures.EnvironmentHandler::handleRequest", env.get("_HANDLER").asText());
        assertEquals("EnvironmentFunction", report.get("functionName").asText());
        assertEquals(320, report.get("memoryLimitInMB").asInt());
        int remaining = report.get("remainingTimeInMillis").asInt();
        assertTrue(remaining > 0 && remaining <= 5000, "remaining " + remaining);
        assertFalse(api.log().contains(env.get("API_SECRET").asText()), "the secret is never printed");
    }

    @Test
    void keepsTheJvmWarmAndItsStaticsBetweenInvocations() {
        JsonNode first = json(api.get("/environment"));
        JsonNode second = json(api.get("/environment"));

        assertEquals(first.get("pid").asLong(), second.get("pid").asLong());
        assertEquals(first.get("invocations").asInt() + 1, second.get("invocations").asInt());
        assertNotEquals(first.get("awsRequestId").asText(), second.get("awsRequestId").asText());
        assertTrue(api.log().matches("(?s).*GET /environment 200 \\d+ ms EnvironmentFunction warm.*"), api.log());
    }

    @Test
    void servesConcurrentRequestsFromSeparateJvmsOneInvocationEach() {
        List<CompletableFuture<JsonNode>> calls = List.of(
                CompletableFuture.supplyAsync(() -> json(api.get("/environment?sleepMs=1500"))),
                CompletableFuture.supplyAsync(() -> json(api.get("/environment?sleepMs=1500"))));

        List<Long> pids = calls.stream().map(CompletableFuture::join).map(report -> report.get("pid").asLong()).toList();

        assertNotEquals(pids.get(0), pids.get(1));
    }

    @Test
    void logsOneLineWithTheInitTimeForAColdStart() {
        api.get("/plain?first");

        assertTrue(api.log().matches("(?s).*GET /plain 200 \\d+ ms PlainStringFunction (cold \\(init \\d+ ms\\)|warm).*"), api.log());
        assertTrue(api.log().matches("(?s).*PlainStringFunction cold \\(init \\d+ ms\\).*"), api.log());
    }

    @Test
    void answersACorsPreflightItselfForAnAllowedOrigin() {
        HttpResponse<String> response = api.send(HttpRequest.newBuilder(api.url("/environment"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://app.example.com")
                .header("Access-Control-Request-Method", "GET"));

        assertEquals(204, response.statusCode());
        assertEquals("https://app.example.com", response.headers().firstValue("access-control-allow-origin").orElseThrow());
        assertEquals("GET,POST", response.headers().firstValue("access-control-allow-methods").orElseThrow());
        assertEquals("600", response.headers().firstValue("access-control-max-age").orElseThrow());
    }

    @Test
    void addsCorsHeadersOnlyForAnAllowedOrigin() {
        HttpResponse<String> allowed = api.send(HttpRequest.newBuilder(api.url("/plain")).header("Origin", "https://app.example.com"));
        HttpResponse<String> other = api.send(HttpRequest.newBuilder(api.url("/plain")).header("Origin", "https://evil.example"));

        assertEquals("https://app.example.com", allowed.headers().firstValue("access-control-allow-origin").orElseThrow());
        assertTrue(other.headers().firstValue("access-control-allow-origin").isEmpty());
    }
}
