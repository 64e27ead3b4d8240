package parking.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.SocketTimeoutException;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import parking.testing.StandardOutput;

class JsonLogProviderTest {

    private static final Logger SDK_LOGGER = LoggerFactory.getLogger("software.amazon.awssdk.example");

    @Test
    void slf4jBindsToTheJsonProvider() {
        assertInstanceOf(JsonLogger.class, SDK_LOGGER);
    }

    @Test
    void aWarningIsOneJsonLineWithLevelLoggerAndFormattedMessage() {
        String out = StandardOutput.printedBy(() -> SDK_LOGGER.warn("retrying {} after {} ms", "GetItem", 25));

        assertEquals("{\"level\":\"WARN\",\"logger\":\"software.amazon.awssdk.example\",\"message\":\"retrying GetItem after 25 ms\"}\n", out);
    }

    @Test
    void anErrorNamesTheExceptionClassButNotItsMessageOrStackTrace() {
        String out = StandardOutput.printedBy(() -> SDK_LOGGER.error("call failed", new SocketTimeoutException("password=hunter2")));

        assertEquals("{\"level\":\"ERROR\",\"logger\":\"software.amazon.awssdk.example\",\"message\":\"call failed\","
                + "\"error\":\"java.net.SocketTimeoutException\"}\n", out);
        assertFalse(out.contains("hunter2"));
    }

    @Test
    void infoAndBelowAreOffAndPrintNothing() {
        assertFalse(SDK_LOGGER.isInfoEnabled());
        assertTrue(SDK_LOGGER.isWarnEnabled());
        assertEquals("", StandardOutput.printedBy(() -> {
            SDK_LOGGER.info("started");
            SDK_LOGGER.debug("headers {}", "authorization");
            SDK_LOGGER.trace("bytes");
        }));
    }

    @Test
    void quotesAndNewlinesInAMessageStayInsideOneJsonLine() {
        String out = StandardOutput.printedBy(() -> SDK_LOGGER.warn("bad \"value\"\nnext line"));

        assertEquals(1, out.lines().count());
        assertTrue(out.contains("\"message\":\"bad \\\"value\\\"\\nnext line\""), out);
    }
}
