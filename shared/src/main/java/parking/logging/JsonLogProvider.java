package parking.logging;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Logger;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.NOPMDCAdapter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * The SLF4J provider of the deployed jar: what the AWS SDK (or any library) logs through SLF4J
 * at WARN or above becomes one JSON line on standard output, the stream the function's own
 * request lines go to, so Lambda's JSON log format filters it by {@code level} like them.
 * Without a provider SLF4J prints plain-text warnings at start and drops every later message.
 * Found by SLF4J 2 through {@link java.util.ServiceLoader}
 * ({@code META-INF/services/org.slf4j.spi.SLF4JServiceProvider}); no configuration is read,
 * so binding costs a class load or two at cold start.
 */
public final class JsonLogProvider implements SLF4JServiceProvider, ILoggerFactory {

    /** The SLF4J API generation this provider implements (the convention of SLF4J's own providers). */
    private static final String API_VERSION = "2.0.99";

    private final Map<String, JsonLogger> loggers = new ConcurrentHashMap<>();
    private final IMarkerFactory markerFactory = new BasicMarkerFactory();
    private final MDCAdapter mdcAdapter = new NOPMDCAdapter();

    @Override
    public ILoggerFactory getLoggerFactory() {
        return this;
    }

    /** One logger per name. No lambda here: bootstrapping the first one in a JVM costs milliseconds of cold start. */
    @Override
    public Logger getLogger(String name) {
        JsonLogger logger = loggers.get(name);
        if (logger == null) {
            JsonLogger created = new JsonLogger(name);
            logger = loggers.putIfAbsent(name, created);
            return logger == null ? created : logger;
        }
        return logger;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markerFactory;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdcAdapter;
    }

    @Override
    public String getRequestedApiVersion() {
        return API_VERSION;
    }

    @Override
    public void initialize() {
        // Nothing to read or set up: the loggers write to System.out as they are asked.
    }
}
