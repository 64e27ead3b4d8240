package parking.local.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import parking.db.Dynamo;
import parking.local.runtime.LambdaRuntime;
import parking.local.runtime.crac.Core;
import parking.local.template.FunctionDefinition;
import parking.local.template.LocalValues;

/**
 * What a function's JVM gets: exactly the variables the template gives the function (with
 * {@code --env} overrides), then what Lambda itself sets, and the JVM options the managed Java
 * runtime derives from the function's memory.
 */
final class LambdaEnvironments {

    /** Where and as whom the functions reach DynamoDB. */
    record Aws(String region, String accessKeyId, String secretAccessKey, String sessionToken, String dynamoEndpoint) {
    }

    /** Where {@code org.crac} looks for the CRaC implementation to use (see {@link parking.local.runtime.crac}). */
    private static final String CRAC_IMPLEMENTATION_PROPERTY = "org.crac.Core.Compat";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final DateTimeFormatter STREAM_DATE = DateTimeFormatter.ofPattern("yyyy/MM/dd");

    private final LocalValues values;
    private final Map<String, String> overrides;
    private final Aws aws;
    private final Path code;
    private final String path;

    LambdaEnvironments(LocalValues values, Map<String, String> overrides, Aws aws, Path code, String hostPath) {
        this.values = values;
        this.overrides = Map.copyOf(overrides);
        this.aws = aws;
        this.code = code;
        this.path = hostPath;
    }

    /** The environment of one JVM of the function (the log stream is per JVM, as on Lambda). */
    Map<String, String> environment(FunctionDefinition function) {
        Map<String, String> env = new LinkedHashMap<>();
        values.environment(function).forEach((name, value) -> env.put(name, overrides.getOrDefault(name, value)));
        if (aws.dynamoEndpoint() != null) {
            env.put(Dynamo.ENDPOINT_VARIABLE, aws.dynamoEndpoint());
        }
        env.put("AWS_LAMBDA_FUNCTION_NAME", function.logicalId());
        env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(function.memoryMb()));
        env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + function.logicalId());
        env.put("AWS_LAMBDA_LOG_STREAM_NAME", LocalDate.now(ZoneOffset.UTC).format(STREAM_DATE) + "/[$LATEST]" + randomHex(16));
        env.put("AWS_LAMBDA_INITIALIZATION_TYPE", function.snapStart() ? LambdaRuntime.SNAP_START : "on-demand");
        env.put("AWS_EXECUTION_ENV", "AWS_Lambda_" + function.runtime());
        env.put("AWS_REGION", aws.region());
        env.put("AWS_DEFAULT_REGION", aws.region());
        env.put("AWS_ACCESS_KEY_ID", aws.accessKeyId());
        env.put("AWS_SECRET_ACCESS_KEY", aws.secretAccessKey());
        if (aws.sessionToken() != null) {
            env.put("AWS_SESSION_TOKEN", aws.sessionToken());
        }
        env.put("_HANDLER", function.handler());
        env.put("LAMBDA_TASK_ROOT", code.toString());
        env.put("TZ", ":UTC");
        env.put("LANG", "en_US.UTF-8");
        if (path != null) {
            env.put("PATH", path);
        }
        return env;
    }

    /** The deployment package the functions' code comes from. */
    Path code() {
        return code;
    }

    String functionArn(FunctionDefinition function) {
        return "arn:aws:lambda:" + aws.region() + ":" + LocalValues.ACCOUNT + ":function:" + function.logicalId();
    }

    /**
     * The JVM command: the heap, metaspace and code cache shares of the function's memory, serial
     * GC and C1 only, as the managed Java runtime starts its JVM; the class path is this runtime
     * alone, the function's code being loaded from {@code LAMBDA_TASK_ROOT}. From {@code java25}
     * on, a SnapStart function keeps the JVM's full tiered compilation, as the managed runtime
     * does ("Customize Java runtime startup behavior", Lambda developer guide): it compiles
     * while priming, before the snapshot, not on the request path.
     */
    static List<String> javaCommand(FunctionDefinition function) {
        return javaCommand(function, LambdaRuntime.class.getName());
    }

    /** The same JVM with another main class of this runtime, followed by its arguments. */
    static List<String> javaCommand(FunctionDefinition function, String mainClass, String... arguments) {
        long memoryKb = function.memoryMb() * 1024L;
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:MaxHeapSize=" + memoryKb * 85 / 100 + "k",
                "-XX:MaxMetaspaceSize=" + memoryKb * 10 / 100 + "k",
                "-XX:ReservedCodeCacheSize=" + memoryKb * 5 / 100 + "k",
                "-XX:+UseSerialGC",
                "-XX:+TieredCompilation"));
        if (!(function.snapStart() && javaVersion(function.runtime()) >= 25)) {
            command.add("-XX:TieredStopAtLevel=1");
        }
        command.addAll(List.of(
                "-Xshare:auto",
                "-Djava.net.preferIPv4Stack=true",
                "-D" + CRAC_IMPLEMENTATION_PROPERTY + "=" + Core.class.getPackageName(),
                "-cp", runtimeClassPath(),
                mainClass));
        command.addAll(List.of(arguments));
        return List.copyOf(command);
    }

    /** {@code java21} → 21; 0 for a runtime that is not Java. */
    private static int javaVersion(String runtime) {
        return runtime.matches("java\\d+") ? Integer.parseInt(runtime.substring("java".length())) : 0;
    }

    /** Where the runtime, aws-lambda-java-core and aws-lambda-java-serialization were loaded from. */
    private static String runtimeClassPath() {
        Set<String> entries = new LinkedHashSet<>();
        for (Class<?> type : List.of(LambdaRuntime.class, Context.class, JacksonFactory.class)) {
            try {
                entries.add(Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
            } catch (URISyntaxException e) {
                throw new IllegalStateException("cannot locate " + type.getName(), e);
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
