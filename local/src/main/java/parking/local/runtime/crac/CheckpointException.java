package parking.local.runtime.crac;

/** A {@code beforeCheckpoint} hook failed; each failure is a suppressed exception. */
public class CheckpointException extends Exception {

    public CheckpointException() {
        super("a beforeCheckpoint hook failed");
    }
}
