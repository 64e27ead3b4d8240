package parking.functions.localapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code bash} code blocks of one section of a markdown file, verbatim, and the output they
 * promise: each {@code # => text} line inside them is a line the commands above it print, where
 * {@value #ANYTHING} stands for anything that changes from run to run.
 *
 * <p>The section runs from an ATX heading ({@code ## Title}) to the next heading of the same or a
 * higher level; lines inside fenced blocks are never headings (a bash comment is not one).
 */
record TourScript(List<String> blocks) {

    static final String ANYTHING = "…";
    private static final String MARKER = "# => ";
    private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern FENCE = Pattern.compile("^ {0,3}(`{3,}|~{3,})\\s*([^`\\s]*).*$");

    static TourScript fromMarkdown(String markdown, String heading) {
        List<String> blocks = new ArrayList<>();
        int sectionLevel = 0;
        String fence = null;
        boolean bash = false;
        StringBuilder block = new StringBuilder();
        for (String line : markdown.split("\r?\n", -1)) {
            if (fence != null) {
                if (closes(fence, line)) {
                    if (bash && sectionLevel > 0) {
                        blocks.add(block.toString());
                    }
                    fence = null;
                } else if (bash) {
                    block.append(line).append('\n');
                }
                continue;
            }
            Matcher opening = FENCE.matcher(line);
            if (opening.matches()) {
                fence = opening.group(1);
                bash = opening.group(2).toLowerCase(Locale.ROOT).equals("bash");
                block.setLength(0);
                continue;
            }
            Matcher title = HEADING.matcher(line);
            if (title.matches()) {
                int level = title.group(1).length();
                if (title.group(2).equalsIgnoreCase(heading)) {
                    sectionLevel = level;
                } else if (level <= sectionLevel) {
                    sectionLevel = 0;
                }
            }
        }
        return new TourScript(List.copyOf(blocks));
    }

    /** A closing fence: the opening's character, at least as many, nothing else. */
    private static boolean closes(String fence, String line) {
        String stripped = line.strip();
        return stripped.startsWith(fence) && stripped.chars().allMatch(c -> c == fence.charAt(0));
    }

    /** The blocks as one script, in order. */
    String script() {
        return String.join("\n", blocks);
    }

    /** The lines the script must print, in order: the text of every {@code # =>} line. */
    List<String> expectedOutput() {
        List<String> expected = new ArrayList<>();
        for (String block : blocks) {
            block.lines().map(String::strip).filter(line -> line.startsWith(MARKER))
                    .forEach(line -> expected.add(line.substring(MARKER.length())));
        }
        return expected;
    }

    /** Whether a printed line is the promised one, {@value #ANYTHING} standing for one or more characters. */
    static boolean matches(String expected, String actual) {
        StringBuilder regex = new StringBuilder();
        for (String literal : expected.split(ANYTHING, -1)) {
            regex.append(regex.isEmpty() ? "" : ".+").append(Pattern.quote(literal));
        }
        return actual.matches(regex.toString());
    }
}
