package parking.testing;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Standard output, where Lambda's logs go: request lines, metrics, SLF4J warnings. */
public final class StandardOutput {

    private StandardOutput() {
    }

    /** What {@code code} printed to standard output while it ran. */
    public static String printedBy(Runnable code) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            code.run();
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
