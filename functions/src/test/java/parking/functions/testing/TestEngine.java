package parking.functions.testing;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;
import parking.local.dynamo.Dynalite;

/**
 * The DynamoDB engine a test class runs on. dynalite by default; LocalStack (in Docker, through
 * Testcontainers) with {@code -Dparking.dynamodb=localstack}. Without Docker the LocalStack run
 * skips every test class, reported as skipped rather than failed.
 */
interface TestEngine extends AutoCloseable {

    String SWITCH = "parking.dynamodb";
    String LOCALSTACK_IMAGE = "localstack/localstack:4.4";

    URI endpoint();

    @Override
    void close();

    static TestEngine start(Path projectRoot) {
        String engine = System.getProperty(SWITCH, "dynalite");
        return switch (engine) {
            case "dynalite" -> {
                Dynalite dynalite = Dynalite.start(projectRoot, Optional.empty());
                yield new TestEngine() {
                    @Override
                    public URI endpoint() {
                        return dynalite.endpoint();
                    }

                    @Override
                    public void close() {
                        dynalite.close();
                    }
                };
            }
            case "localstack" -> LocalStack.start();
            default -> throw new IllegalArgumentException(SWITCH + " must be dynalite or localstack, not " + engine);
        };
    }

    /** One container for the whole run (it takes seconds to start); each class gets fresh tables. */
    final class LocalStack implements TestEngine {

        private static LocalStackContainer container;

        static synchronized TestEngine start() {
            Assumptions.assumeTrue(DockerClientFactory.instance().isDockerAvailable(),
                    "Docker is not available, so the LocalStack run is skipped");
            if (container == null) {
                container = new LocalStackContainer(DockerImageName.parse(LOCALSTACK_IMAGE)).withServices("dynamodb");
                container.start();
            }
            return new LocalStack();
        }

        @Override
        public URI endpoint() {
            return container.getEndpoint();
        }

        @Override
        public void close() {
            // The container stays up for the next class; Testcontainers removes it when the JVM exits.
        }
    }
}
