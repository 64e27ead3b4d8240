package parking.local.api;

/**
 * How one invocation of a function went.
 *
 * @param coldStartMs the time the JVM took to start and build the handler; -1 when a warm JVM served it
 */
record Invocation(Outcome outcome, long coldStartMs) {

    /** What the function did with the event. */
    sealed interface Outcome {
    }

    /** The function answered; {@code payload} is its response JSON. */
    record Answered(byte[] payload) implements Outcome {
    }

    /** The handler threw; {@code errorType} is the exception's class. */
    record Failed(String errorType) implements Outcome {
    }

    /** The handler could not be built (class not found, constructor threw, ...). */
    record InitFailed(String errorType) implements Outcome {
    }

    /** No answer within the function's timeout: the JVM was stopped. */
    record TimedOut(int timeoutSeconds) implements Outcome {
    }

    /** The JVM ended in the middle of the invocation (System.exit, crash, out of memory). */
    record Exited(int exitCode) implements Outcome {
    }

    boolean cold() {
        return coldStartMs >= 0;
    }
}
