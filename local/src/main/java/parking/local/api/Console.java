package parking.local.api;

import java.io.PrintStream;

/** Where the local API writes what a developer reads: its own lines and the functions' output. */
final class Console {

    private final PrintStream out;

    Console(PrintStream out) {
        this.out = out;
    }

    synchronized void line(String text) {
        out.println(text);
        out.flush();
    }

    /** A line the function wrote, prefixed by its name as in a CloudWatch log stream list. */
    void functionLine(String function, String text) {
        line("[" + function + "] " + text);
    }
}
