package parking.local.runtime.crac;

/** An {@code afterRestore} hook failed; each failure is a suppressed exception. */
public class RestoreException extends Exception {

    public RestoreException() {
        super("an afterRestore hook failed");
    }
}
