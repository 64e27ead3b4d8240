package parking.functions.localapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How the tour is read out of a markdown file, so that moving it (into the README) changes nothing. */
class TourScriptTest {

    private static final String MARKDOWN = """
            # Project

            ```bash
            echo before the section
            ```

            ## Five-minute tour

            Some text.

            ```bash
            # a comment, not a heading
            echo one
            # => one
            ```

            ```json
            {"not": "bash"}
            ```

            ### A step inside the tour

            ~~~bash
            echo two
            # => t…o
            ~~~

            ## Decisions

            ```bash
            echo after the section
            ```
            """;

    @Test
    void takesTheBashBlocksUnderTheHeadingAndItsSubsectionsOnly() {
        TourScript tour = TourScript.fromMarkdown(MARKDOWN, "Five-minute tour");

        assertEquals(List.of("# a comment, not a heading\necho one\n# => one\n", "echo two\n# => t…o\n"), tour.blocks());
    }

    @Test
    void promisesTheOutputOfEveryMarkerInOrder() {
        assertEquals(List.of("one", "t…o"), TourScript.fromMarkdown(MARKDOWN, "Five-minute tour").expectedOutput());
    }

    @Test
    void findsNothingWithoutTheHeading() {
        assertEquals(List.of(), TourScript.fromMarkdown(MARKDOWN, "Ten-minute tour").blocks());
    }

    @Test
    void letsTheEllipsisStandForWhatChangesBetweenRuns() {
        assertTrue(TourScript.matches("{\"id\":…,\"name\":\"A-01\"}", "{\"id\":12,\"name\":\"A-01\"}"));
        assertFalse(TourScript.matches("{\"id\":…,\"name\":\"A-01\"}", "{\"id\":12,\"name\":\"B-02\"}"));
        assertFalse(TourScript.matches("OK 201", "OK 2010"));
        assertFalse(TourScript.matches("…", ""));
    }
}
