package parking.functions.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import parking.Services;
import parking.http.RouteHandler;
import parking.local.template.FunctionDefinition;
import parking.testing.StandardOutput;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What SnapStart priming of one route did: what it printed and how many requests it sent
 * DynamoDB (counted by a {@link FaultProxy} that lets every request through).
 */
public record Priming(String routeKey, String output, int databaseRequests) {

    private static final Pattern STATUS = Pattern.compile("\"status\":(\\d{3})");

    /** Primes, one after the other, every route of the template whose handler is in {@code handlerPackage}. */
    public static List<Priming> everyRouteIn(String handlerPackage) {
        List<Priming> primed = new ArrayList<>();
        try (FaultProxy proxy = new FaultProxy(LocalDynamo.endpoint())) {
            AtomicInteger requests = new AtomicInteger();
            for (FunctionDefinition function : TemplateHandlers.in(handlerPackage)) {
                RouteHandler handler = TemplateHandlers.build(function,
                        new Services(LocalDynamo.environment(function.logicalId(), proxy.endpoint())));
                proxy.plan(n -> {
                    requests.set(n + 1);
                    return FaultProxy.Fault.NONE;
                });
                requests.set(0);
                primed.add(new Priming(handler.routeKey(), StandardOutput.printedBy(handler::prime), requests.get()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return primed;
    }

    /**
     * Request log lines of this route only (one per priming request), each at INFO (no server
     * error) with a status that shows the request got past authentication and the body limit
     * into the route's own checks: nothing else printed, so no business metric and no stack trace.
     */
    public boolean printedOnlyRequestLinesThatReachedTheRoute() {
        List<String> lines = output.strip().lines().toList();
        return !lines.isEmpty() && lines.stream().allMatch(this::reachedTheRoute);
    }

    private boolean reachedTheRoute(String line) {
        if (!line.startsWith("{\"level\":\"INFO\"") || !line.contains("\"route\":\"" + routeKey + "\"")) {
            return false;
        }
        Matcher status = STATUS.matcher(line);
        return status.find() && !Set.of("401", "413").contains(status.group(1));
    }

    /** Every item of the table, in any order. */
    public static Set<Map<String, AttributeValue>> items(String table) {
        return new HashSet<>(LocalDynamo.client().scan(scan -> scan.tableName(table).consistentRead(true)).items());
    }
}
