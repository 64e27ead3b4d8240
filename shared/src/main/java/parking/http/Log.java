package parking.http;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import parking.json.JsonWriter;

/**
 * Error log lines, one JSON object each. They name the exception's class and the frame that
 * threw it, never its message or stack trace: those can carry request data.
 */
final class Log {

    private Log() {
    }

    static void error(Context context, APIGatewayV2HTTPEvent event, int status, Throwable error) {
        String line = JsonWriter.object(error, (json, e) -> {
            json.writeStringField("level", "ERROR");
            json.writeNumberField("status", status);
            json.writeStringField("request_id", context == null ? null : context.getAwsRequestId());
            json.writeStringField("api_request_id", event.getRequestContext() == null ? null : event.getRequestContext().getRequestId());
            json.writeStringField("route", event.getRouteKey());
            json.writeStringField("error", e.getClass().getName());
            StackTraceElement[] frames = e.getStackTrace();
            json.writeStringField("at", frames.length == 0 ? null : frames[0].toString());
        });
        System.out.println(line);
    }
}
