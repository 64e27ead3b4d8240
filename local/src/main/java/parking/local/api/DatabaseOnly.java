package parking.local.api;

import java.io.PrintStream;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import parking.local.dynamo.Dynalite;
import parking.local.template.SamTemplate;

/**
 * {@code local/run --dynamodb-only}: only the embedded DynamoDB engine, with the template's
 * tables, on a fixed address ({@code 127.0.0.1:8000} unless {@code --host}/{@code --port} say
 * otherwise) and the same data folder as the local API, so that functions run by
 * {@code sam local start-api} or {@code sam local invoke} (with {@link SamEnvVars}' file), or any
 * other DynamoDB client, use the local database.
 */
final class DatabaseOnly implements AutoCloseable {

    private final Dynalite dynalite;
    private final Optional<DataLock> lock;

    private DatabaseOnly(Dynalite dynalite, Optional<DataLock> lock) {
        this.dynalite = dynalite;
        this.lock = lock;
    }

    /** @throws IllegalStateException when the data folder is in use, or the engine cannot start (the port taken, for one) */
    static DatabaseOnly start(Settings settings, PrintStream out) {
        SamTemplate template = SamTemplate.load(settings.template());
        Optional<DataLock> lock = settings.dataDirectory().map(DataLock::acquire);
        try {
            Dynalite dynalite = engine(settings);
            try {
                List<String> tables = LocalApi.createTables(template, LocalApi.aws(settings, Optional.of(dynalite.endpoint())));
                Console console = new Console(out);
                console.line("DynamoDB (dynalite) on " + dynalite.endpoint() + " with the tables of "
                        + settings.root().relativize(settings.template().toAbsolutePath()) + ": " + String.join(", ", tables));
                console.line(settings.dataDirectory().map(dir -> "Data in " + dir.resolve("dynamodb") + ", kept across restarts.")
                        .orElse("In memory (--in-memory): nothing kept."));
                console.line("It checks no signature: any region and credentials work. For sam local start-api and invoke: "
                        + "--env-vars " + SamEnvVars.FILE + " (README, \"sam local with a local database\").");
                return new DatabaseOnly(dynalite, lock);
            } catch (RuntimeException e) {
                dynalite.close();
                throw e;
            }
        } catch (RuntimeException e) {
            lock.ifPresent(DataLock::close);
            throw e;
        }
    }

    private static Dynalite engine(Settings settings) {
        try {
            return Dynalite.start(settings.root(), settings.dataDirectory().map(dir -> dir.resolve("dynamodb")), settings.host(), settings.port());
        } catch (IllegalStateException e) {
            if (e.getMessage() != null && e.getMessage().contains("EADDRINUSE")) {
                throw new IllegalStateException(settings.host() + ":" + settings.port()
                        + " is in use (another local database, or DynamoDB Local?); choose another with --port", e);
            }
            throw e;
        }
    }

    URI endpoint() {
        return dynalite.endpoint();
    }

    /** Holds the caller (the command's main thread) until the engine ends: nothing else keeps the JVM alive. */
    int awaitExit() throws InterruptedException {
        return dynalite.awaitExit();
    }

    @Override
    public void close() {
        dynalite.close();
        lock.ifPresent(DataLock::close);
    }
}
