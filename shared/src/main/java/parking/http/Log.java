package parking.http;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.util.Optional;
import parking.json.JsonWriter;

/**
 * The one log line of each request: a JSON object with the request ids, route, status, latency
 * and, when authenticated, the caller's id. A failure adds the exception's class and the first
 * frame of our code that saw it, never its message or stack trace: those can carry request data.
 * Nothing from the request's headers or body is ever logged, so no password, hash or token is.
 */
final class Log {

    /** What one request did, gathered by {@link Endpoint}. */
    record Entry(Context context, APIGatewayV2HTTPEvent event, int status, long latencyMicros, long callerId,
                 Optional<Throwable> error) {
    }

    private Log() {
    }

    static void request(Entry entry) {
        System.out.println(JsonWriter.object(entry, (json, e) -> {
            json.writeStringField("level", e.status() >= 500 ? "ERROR" : "INFO");
            json.writeStringField("request_id", e.context() == null ? null : e.context().getAwsRequestId());
            json.writeStringField("api_request_id", e.event().getRequestContext() == null ? null : e.event().getRequestContext().getRequestId());
            json.writeStringField("route", e.event().getRouteKey());
            json.writeNumberField("status", e.status());
            json.writeNumberField("latency_ms", e.latencyMicros() / 1000.0);
            if (e.callerId() > 0) {
                json.writeNumberField("user_id", e.callerId());
            }
            if (e.error().isPresent()) {
                json.writeStringField("error", e.error().get().getClass().getName());
                json.writeStringField("at", firstOwnFrame(e.error().get()));
            }
        }));
    }

    /** Where our code met the failure: the SDK's own frames say little about which call it was. */
    private static String firstOwnFrame(Throwable error) {
        StackTraceElement[] frames = error.getStackTrace();
        for (StackTraceElement frame : frames) {
            if (frame.getClassName().startsWith("parking.")) {
                return frame.toString();
            }
        }
        return frames.length == 0 ? null : frames[0].toString();
    }
}
