package parking.local.runtime;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

/**
 * An unhandled error of the function, in the shape the Runtime API takes
 * ({@code errorMessage}, {@code errorType}, {@code stackTrace}) and the managed runtime logs.
 */
public record FunctionError(String errorMessage, String errorType, List<String> stackTrace) {

    static FunctionError of(Throwable error) {
        Throwable cause = error instanceof ExceptionInInitializerError init && init.getCause() != null ? init.getCause() : error;
        return new FunctionError(
                cause.getMessage(),
                cause.getClass().getName(),
                Arrays.stream(cause.getStackTrace()).map(StackTraceElement::toString).toList());
    }

    void print(PrintStream out) {
        StringBuilder text = new StringBuilder(errorType);
        if (errorMessage != null) {
            text.append(": ").append(errorMessage);
        }
        stackTrace.forEach(frame -> text.append("\n\tat ").append(frame));
        out.println(text);
    }
}
