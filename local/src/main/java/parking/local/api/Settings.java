package parking.local.api;

import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How the local API runs, from its command line.
 *
 * @param root the checkout (dynalite is installed under {@code local/node_modules})
 * @param dataDirectory where the database and the local secrets live; empty for a throwaway run
 * @param dynamoEndpoint another DynamoDB engine to use instead of the embedded one
 * @param variableOverrides function variables to override, as {@code sam local --env-vars} does
 * @param hostEnvironment the environment the local API was started with (secret overrides, AWS credentials)
 * @param parameterOverrides template parameters to set, as {@code sam deploy --parameter-overrides} does
 * @param dynamoDbOnly serve only the embedded DynamoDB with the template's tables, on {@code host:port}
 *     (for {@code sam local} and other tools; see local/README.md)
 */
record Settings(
        Path root,
        String host,
        int port,
        Path template,
        Path code,
        Optional<Path> dataDirectory,
        Optional<URI> dynamoEndpoint,
        int maxJvmsPerFunction,
        Map<String, String> variableOverrides,
        Map<String, String> hostEnvironment,
        Map<String, String> parameterOverrides,
        boolean dynamoDbOnly) {

    /** The database's port with {@code --dynamodb-only}: DynamoDB Local's usual one, so tools that default to it find it. */
    static final int DYNAMODB_ONLY_PORT = 8000;

    static final String USAGE = """
            Usage: local/run [options]
              --port N                   port to serve on (default 3000)
              --host ADDRESS             address to bind (default 127.0.0.1)
              --in-memory                throwaway database and secrets: nothing kept on disk
              --data-dir DIR             where data and local secrets are kept (default .local-data)
              --dynamodb-endpoint URL    use this DynamoDB endpoint (LocalStack, AWS) instead of the embedded dynalite
              --env NAME=VALUE           override a function variable declared in the template (repeatable)
              --parameter NAME=VALUE     set a template parameter, e.g. CorsAllowedOrigins=http://localhost:5173 (repeatable)
              --max-jvms N               JVMs per function for concurrent requests (default 4)
              --template FILE            SAM template (default template.yaml)
              --code PATH                the functions' deployment jar (default functions/target/functions.jar)
              --dynamodb-only            serve only the database, with the template's tables, on port 8000
                                         (--port and --host then apply to it), for sam local start-api
              --write-sam-env-vars       write local/sam-env-vars.json (sam local --env-vars) from the template
            """;

    /** A command line that cannot be understood; its message says why. */
    static final class BadArguments extends Exception {
        BadArguments(String message) {
            super(message);
        }
    }

    static Settings defaults(Path root, Map<String, String> hostEnvironment) {
        return new Settings(root, "127.0.0.1", 3000, root.resolve("template.yaml"), root.resolve("functions/target/functions.jar"),
                Optional.of(root.resolve(".local-data")), Optional.empty(), 4, Map.of(), Map.copyOf(hostEnvironment), Map.of(), false);
    }

    static Settings parse(List<String> args, Path root, Map<String, String> hostEnvironment) throws BadArguments {
        Settings settings = defaults(root, hostEnvironment);
        Map<String, String> overrides = new LinkedHashMap<>();
        Map<String, String> parameters = new LinkedHashMap<>();
        boolean portGiven = false;
        for (int i = 0; i < args.size(); i++) {
            String flag = args.get(i);
            switch (flag) {
                case "--in-memory" -> settings = settings.withDataDirectory(Optional.empty());
                case "--port" -> {
                    settings = settings.withPort(number(flag, value(args, ++i, flag), 0, 65535));
                    portGiven = true;
                }
                case "--dynamodb-only" -> settings = settings.withDynamoDbOnly(true);
                case "--host" -> settings = settings.withHost(value(args, ++i, flag));
                case "--data-dir" -> settings = settings.withDataDirectory(Optional.of(Path.of(value(args, ++i, flag)).toAbsolutePath()));
                case "--dynamodb-endpoint" -> settings = settings.withDynamoEndpoint(Optional.of(endpoint(value(args, ++i, flag))));
                case "--template" -> settings = settings.withTemplate(Path.of(value(args, ++i, flag)).toAbsolutePath());
                case "--code" -> settings = settings.withCode(Path.of(value(args, ++i, flag)).toAbsolutePath());
                case "--max-jvms" -> settings = settings.withMaxJvms(number(flag, value(args, ++i, flag), 1, 64));
                case "--env" -> putPair(overrides, flag, value(args, ++i, flag));
                case "--parameter" -> putPair(parameters, flag, value(args, ++i, flag));
                default -> throw new BadArguments("unknown option " + flag);
            }
        }
        if (settings.dynamoDbOnly() && settings.dynamoEndpoint().isPresent()) {
            throw new BadArguments("--dynamodb-only serves the embedded engine: --dynamodb-endpoint does not apply");
        }
        if (settings.dynamoDbOnly() && !portGiven) {
            settings = settings.withPort(DYNAMODB_ONLY_PORT);
        }
        return settings.withVariableOverrides(overrides).withParameterOverrides(parameters);
    }

    private static void putPair(Map<String, String> pairs, String flag, String pair) throws BadArguments {
        int equals = pair.indexOf('=');
        if (equals <= 0) {
            throw new BadArguments(flag + " takes NAME=VALUE, not " + pair);
        }
        pairs.put(pair.substring(0, equals), pair.substring(equals + 1));
    }

    Settings withPort(int value) {
        return new Settings(root, host, value, template, code, dataDirectory, dynamoEndpoint, maxJvmsPerFunction, variableOverrides, hostEnvironment,
                parameterOverrides, dynamoDbOnly);
    }

    Settings withHost(String value) {
        return new Settings(root, value, port, template, code, dataDirectory, dynamoEndpoint, maxJvmsPerFunction, variableOverrides, hostEnvironment,
                parameterOverrides, dynamoDbOnly);
    }

    Settings withTemplate(Path value) {
        return new Settings(root, host, port, value, code, dataDirectory, dynamoEndpoint, maxJvmsPerFunction, variableOverrides, hostEnvironment,
                parameterOverrides, dynamoDbOnly);
    }

    Settings withCode(Path value) {
        return new Settings(root, host, port, template, value, dataDirectory, dynamoEndpoint, maxJvmsPerFunction, variableOverrides, hostEnvironment,
                parameterOverrides, dynamoDbOnly);
    }

    Settings withDataDirectory(Optional<Path> value) {
        return new Settings(root, host, port, template, code, value, dynamoEndpoint, maxJvmsPerFunction, variableOverrides, hostEnvironment,
                parameterOverrides, dynamoDbOnly);
    }

    Settings withDynamoEndpoint(Optional<URI> value) {
        return new Settings(root, host, port, template, code, dataDirectory, value, maxJvmsPerFunction, variableOverrides, hostEnvironment,
                parameterOverrides, dynamoDbOnly);
    }

    Settings withMaxJvms(int value) {
        return new Settings(root, host, port, template, code, dataDirectory, dynamoEndpoint, value, variableOverrides, hostEnvironment,
                parameterOverrides, dynamoDbOnly);
    }

    Settings withVariableOverrides(Map<String, String> value) {
        return new Settings(root, host, port, template, code, dataDirectory, dynamoEndpoint, maxJvmsPerFunction, Map.copyOf(value), hostEnvironment,
                parameterOverrides, dynamoDbOnly);
    }

    Settings withParameterOverrides(Map<String, String> value) {
        return new Settings(root, host, port, template, code, dataDirectory, dynamoEndpoint, maxJvmsPerFunction, variableOverrides, hostEnvironment,
                Map.copyOf(value), dynamoDbOnly);
    }

    Settings withDynamoDbOnly(boolean value) {
        return new Settings(root, host, port, template, code, dataDirectory, dynamoEndpoint, maxJvmsPerFunction, variableOverrides, hostEnvironment,
                parameterOverrides, value);
    }

    private static String value(List<String> args, int index, String flag) throws BadArguments {
        if (index >= args.size()) {
            throw new BadArguments(flag + " needs a value");
        }
        return args.get(index);
    }

    private static int number(String flag, String text, int min, int max) throws BadArguments {
        try {
            int value = Integer.parseInt(text);
            if (value < min || value > max) {
                throw new BadArguments(flag + " must be between " + min + " and " + max);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new BadArguments(flag + " must be a number, not " + text);
        }
    }

    private static URI endpoint(String text) throws BadArguments {
        try {
            URI uri = URI.create(text);
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new BadArguments("--dynamodb-endpoint must be a URL such as http://localhost:4566, not " + text);
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new BadArguments("--dynamodb-endpoint must be a URL, not " + text);
        }
    }
}
