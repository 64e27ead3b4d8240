package parking.local.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import parking.local.template.SamTemplate;

/**
 * Local values of the template's {@code AWS::SecretsManager::Secret} resources. A secret comes
 * from the environment variable {@code PARKING_<LOGICAL_ID>} ({@code JwtSecret} →
 * {@code PARKING_JWT_SECRET}) when set; otherwise it is generated once, as
 * {@code GenerateSecretString} would, and kept in {@code <data>/secrets/<LogicalId>} (owner-only
 * where the file system allows) so tokens stay valid across restarts. A throwaway run
 * generates a fresh one.
 */
final class LocalSecrets {

    /** A secret's value and where it came from, for the start-up summary (never the value). */
    record Secret(String value, String source) {
    }

    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    /** At least as long as the template's JWT secret and well over HS256's 32-byte minimum. */
    private static final int MIN_LENGTH = 48;
    private static final SecureRandom RANDOM = new SecureRandom();

    private LocalSecrets() {
    }

    static Map<String, Secret> load(SamTemplate template, Optional<Path> dataDirectory, Map<String, String> hostEnvironment) {
        Map<String, Secret> secrets = new LinkedHashMap<>();
        template.resources("AWS::SecretsManager::Secret").forEach((logicalId, properties) -> {
            String variable = "PARKING_" + upperSnake(logicalId);
            String fromEnvironment = hostEnvironment.get(variable);
            if (fromEnvironment != null && !fromEnvironment.isBlank()) {
                secrets.put(logicalId, new Secret(fromEnvironment, "from " + variable));
                return;
            }
            int length = Math.max(MIN_LENGTH, passwordLength(properties));
            secrets.put(logicalId, dataDirectory
                    .map(dir -> stored(dir.resolve("secrets").resolve(logicalId), length))
                    .orElseGet(() -> new Secret(generate(length), "generated for this run")));
        });
        return secrets;
    }

    private static Secret stored(Path file, int length) {
        try {
            if (Files.isRegularFile(file)) {
                return new Secret(Files.readString(file, StandardCharsets.UTF_8).strip(), "kept in " + file);
            }
            Files.createDirectories(file.getParent());
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                // Created owner-only before the value is written, so it is never readable by others.
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            String value = generate(length);
            Files.writeString(file, value, StandardCharsets.UTF_8);
            return new Secret(value, "generated into " + file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the local secret in " + file, e);
        }
    }

    private static int passwordLength(Map<String, Object> properties) {
        Object length = SamTemplate.asMap(properties.get("GenerateSecretString")).get("PasswordLength");
        return length == null ? 0 : Integer.parseInt(length.toString());
    }

    private static String generate(int length) {
        StringBuilder value = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            value.append(ALPHANUMERIC.charAt(RANDOM.nextInt(ALPHANUMERIC.length())));
        }
        return value.toString();
    }

    static String upperSnake(String logicalId) {
        return logicalId.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    }
}
