import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Adds up every Surefire and Failsafe report under the given folder and prints one closing line,
 * "Tests: N passed, N failed, N skipped". Run as a single-file program: java .ci/TestSummary.java .
 */
public class TestSummary {

    private static final Pattern SUITE = Pattern.compile("<testsuite\\b[^>]*>");
    private static final Pattern ATTRIBUTE = Pattern.compile("\\b(tests|failures|errors|skipped)=\"(\\d+)\"");

    public static void main(String[] args) throws IOException {
        long tests = 0;
        long failed = 0;
        long skipped = 0;
        List<Path> reports;
        try (Stream<Path> files = Files.walk(Path.of(args.length > 0 ? args[0] : "."))) {
            reports = files.filter(p -> p.getFileName().toString().matches("TEST-.*\\.xml"))
                    .filter(p -> p.getParent().getFileName().toString().matches("(surefire|failsafe)-reports.*"))
                    .toList();
        }
        for (Path report : reports) {
            Matcher suite = SUITE.matcher(Files.readString(report));
            if (!suite.find()) {
                continue;
            }
            Matcher attribute = ATTRIBUTE.matcher(suite.group());
            while (attribute.find()) {
                long value = Long.parseLong(attribute.group(2));
                switch (attribute.group(1)) {
                    case "tests" -> tests += value;
                    case "failures", "errors" -> failed += value;
                    case "skipped" -> skipped += value;
                    default -> { }
                }
            }
        }
        System.out.println("Tests: " + (tests - failed - skipped) + " passed, " + failed + " failed, " + skipped + " skipped");
    }
}
