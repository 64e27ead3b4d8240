package parking.logging;

import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;
import parking.json.JsonWriter;

/**
 * One library logger: WARN and ERROR become a JSON line
 * ({@code {"level":"WARN","logger":"...","message":"...","error":"<exception class>"}}), lower
 * levels are off, so the SDK skips building their messages at all. As in the request lines, a
 * throwable is logged by its class only: its message and stack trace can carry request data.
 */
final class JsonLogger extends LegacyAbstractLogger {

    private static final long serialVersionUID = 1L;

    JsonLogger(String name) {
        this.name = name;
    }

    @Override
    public boolean isTraceEnabled() {
        return false;
    }

    @Override
    public boolean isDebugEnabled() {
        return false;
    }

    @Override
    public boolean isInfoEnabled() {
        return false;
    }

    @Override
    public boolean isWarnEnabled() {
        return true;
    }

    @Override
    public boolean isErrorEnabled() {
        return true;
    }

    @Override
    protected String getFullyQualifiedCallerName() {
        return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] arguments, Throwable error) {
        System.out.println(line(level, name, MessageFormatter.basicArrayFormat(pattern, arguments), error));
    }

    static String line(Level level, String logger, String message, Throwable error) {
        return JsonWriter.object(level, (json, l) -> {
            json.writeStringField("level", l.name());
            json.writeStringField("logger", logger);
            json.writeStringField("message", message);
            if (error != null) {
                json.writeStringField("error", error.getClass().getName());
            }
        });
    }
}
