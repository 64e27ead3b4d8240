package parking.local.runtime;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.nio.charset.StandardCharsets;

/** The {@link Context} of one invocation, filled from the environment and the Runtime API's headers. */
final class InvocationContext implements Context {

    /** What every invocation of this JVM shares, read once from Lambda's standard variables. */
    record Environment(String functionName, String functionVersion, String logGroupName, String logStreamName, int memoryLimitMb) {

        static Environment fromProcess() {
            return new Environment(
                    System.getenv("AWS_LAMBDA_FUNCTION_NAME"),
                    System.getenv("AWS_LAMBDA_FUNCTION_VERSION"),
                    System.getenv("AWS_LAMBDA_LOG_GROUP_NAME"),
                    System.getenv("AWS_LAMBDA_LOG_STREAM_NAME"),
                    Integer.parseInt(System.getenv("AWS_LAMBDA_FUNCTION_MEMORY_SIZE")));
        }
    }

    private static final LambdaLogger STDOUT = new LambdaLogger() {
        @Override
        public void log(String message) {
            System.out.print(message);
            System.out.flush();
        }

        @Override
        public void log(byte[] message) {
            log(new String(message, StandardCharsets.UTF_8));
        }
    };

    private final Environment environment;
    private final RuntimeApiClient.Invocation invocation;

    InvocationContext(Environment environment, RuntimeApiClient.Invocation invocation) {
        this.environment = environment;
        this.invocation = invocation;
    }

    @Override
    public String getAwsRequestId() {
        return invocation.requestId();
    }

    @Override
    public String getLogGroupName() {
        return environment.logGroupName();
    }

    @Override
    public String getLogStreamName() {
        return environment.logStreamName();
    }

    @Override
    public String getFunctionName() {
        return environment.functionName();
    }

    @Override
    public String getFunctionVersion() {
        return environment.functionVersion();
    }

    @Override
    public String getInvokedFunctionArn() {
        return invocation.functionArn();
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
        return (int) Math.max(0, invocation.deadlineMs() - System.currentTimeMillis());
    }

    @Override
    public int getMemoryLimitInMB() {
        return environment.memoryLimitMb();
    }

    @Override
    public LambdaLogger getLogger() {
        return STDOUT;
    }
}
