package parking.local.api;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import parking.http.HttpApiEvent;

/**
 * The HTTP API itself: matches the route, builds the payload 2.0 event, invokes the route's
 * function, maps its response back, and writes one log line per request. Locally, and only here,
 * it also serves its own {@link LocalPages} (the OpenAPI description and the API reference).
 */
final class Gateway implements HttpHandler {

    /** API Gateway's payload limit for HTTP APIs. */
    private static final int MAX_REQUEST_BYTES = 10 * 1024 * 1024;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    private final Routes routes;
    private final Map<String, FunctionPool> pools;
    private final Optional<Cors> cors;
    private final HttpApiEvent.Api api;
    private final LocalPages pages;
    private final Console console;

    Gateway(Routes routes, Map<String, FunctionPool> pools, Optional<Cors> cors, HttpApiEvent.Api api, LocalPages pages,
            Console console) {
        this.routes = routes;
        this.pools = pools;
        this.cors = cors;
        this.api = api;
        this.pages = pages;
        this.console = console;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            long started = System.nanoTime();
            String requestId = requestId();
            String method = exchange.getRequestMethod();
            String rawPath = exchange.getRequestURI().getRawPath();
            Optional<byte[]> body = readBody(exchange.getRequestBody());
            Result result;
            if (body.isEmpty()) {
                result = new Result(HttpResponse.gatewayMessage(413, "Request Entity Too Large"), "", "body over 10 MB");
            } else {
                result = serve(new IncomingRequest(method, rawPath,
                        exchange.getRequestURI().getRawQuery() == null ? "" : exchange.getRequestURI().getRawQuery(),
                        exchange.getRequestHeaders(), body.get(),
                        exchange.getRemoteAddress().getAddress().getHostAddress(),
                        exchange.getProtocol(), exchange.getLocalAddress().getPort()), requestId);
            }
            HttpResponse response = result.response().withHeaders(Map.of("Apigw-Requestid", requestId));
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            console.line(Stream.of(LocalTime.now().format(CLOCK), method, rawPath, Integer.toString(response.status()),
                    ms + " ms", result.function(), result.note()).filter(part -> !part.isEmpty()).collect(Collectors.joining(" ")));
            write(exchange, method, response);
        }
    }

    /** Invokes the function with a ready-made event (a sample file) and logs it like a request. */
    Result replay(String routeKey, String function, byte[] event) {
        long started = System.nanoTime();
        Result result = invoke(function, event);
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        console.line(String.join(" ", LocalTime.now().format(CLOCK), "event", routeKey, Integer.toString(result.response().status()),
                ms + " ms", function, result.note()));
        return result;
    }

    /** A response with what the log line says about it: the function, and cold/warm or what went wrong. */
    record Result(HttpResponse response, String function, String note) {
    }

    private Result serve(IncomingRequest request, String requestId) {
        Map<String, String> headers = HttpApiEvent.headersOf(request.headers());
        Optional<HttpResponse> preflight = cors.flatMap(c -> c.preflight(request.method(), headers));
        if (preflight.isPresent()) {
            return new Result(preflight.get(), "", "CORS preflight");
        }
        if (request.method().equals("GET") || request.method().equals("HEAD")) {
            Optional<Result> page = pages.serve(request.rawPath(), request.origin());
            if (page.isPresent()) {
                return page.get();
            }
        }
        Optional<Routes.Match> match = routes.match(request.method(), request.rawPath());
        if (match.isEmpty()) {
            return new Result(HttpResponse.gatewayMessage(404, "Not Found"), "", "no route");
        }
        String function = match.get().route().function().logicalId();
        byte[] event = request.event(match.get(), api, requestId, traceId(), Instant.now()).json().getBytes(StandardCharsets.UTF_8);
        Result result = invoke(function, event);
        Map<String, String> corsHeaders = cors.map(c -> c.responseHeaders(headers)).orElse(Map.of());
        return new Result(result.response().withHeaders(corsHeaders), result.function(), result.note());
    }

    /** Invokes the function with an event and maps its outcome as API Gateway would. */
    private Result invoke(String function, byte[] event) {
        Invocation invocation;
        try {
            invocation = pools.get(function).invoke(event);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(HttpResponse.gatewayMessage(503, "Service Unavailable"), function, "interrupted");
        } catch (RuntimeException e) {
            return new Result(internalError(), function, "local API error: " + e.getMessage());
        }
        String start = invocation.cold() ? "cold (init " + invocation.coldStartMs() + " ms)" : "warm";
        return switch (invocation.outcome()) {
            case Invocation.Answered answered -> {
                try {
                    yield new Result(HttpApiResponses.from(answered.payload()), function, start);
                } catch (HttpApiResponses.MalformedResponse e) {
                    yield new Result(internalError(), function, start + " - malformed response: " + e.getMessage());
                }
            }
            case Invocation.Failed failed -> new Result(internalError(), function, start + " - unhandled " + failed.errorType());
            case Invocation.InitFailed failed -> new Result(internalError(), function, start + " - init failed: " + failed.errorType());
            case Invocation.Exited exited -> new Result(internalError(), function, start + " - JVM exited with code " + exited.exitCode());
            case Invocation.TimedOut timedOut -> new Result(HttpResponse.gatewayMessage(504, "Endpoint request timed out"), function,
                    start + " - TIMED OUT after " + timedOut.timeoutSeconds() + " s (the function's Timeout): JVM stopped");
        };
    }

    /** What the HTTP API answers when the function fails or its response cannot be mapped. */
    private static HttpResponse internalError() {
        return HttpResponse.gatewayMessage(500, "Internal Server Error");
    }

    private static Optional<byte[]> readBody(InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_REQUEST_BYTES + 1);
        return body.length > MAX_REQUEST_BYTES ? Optional.empty() : Optional.of(body);
    }

    private static void write(HttpExchange exchange, String method, HttpResponse response) throws IOException {
        response.headers().forEach(header -> exchange.getResponseHeaders().add(header.getKey(), header.getValue()));
        boolean noBody = response.body().length == 0 || method.equals("HEAD");
        exchange.sendResponseHeaders(response.status(), noBody ? -1 : response.body().length);
        if (!noBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(response.body());
            }
        }
    }

    /** API Gateway's request ids look like {@code JKJaXmPLvHcESHA=}. */
    private static String requestId() {
        byte[] random = new byte[10];
        RANDOM.nextBytes(random);
        return Base64.getEncoder().encodeToString(random);
    }

    /** An X-Ray trace id: {@code Root=1-<epoch seconds, hex>-<96 random bits, hex>}. */
    private static String traceId() {
        byte[] random = new byte[12];
        RANDOM.nextBytes(random);
        return "Root=1-" + Long.toHexString(Instant.now().getEpochSecond()) + "-" + HexFormat.of().formatHex(random);
    }
}
