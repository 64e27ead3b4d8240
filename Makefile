# Used by `sam build` (every function has `Metadata: BuildMethod: makefile`, `CodeUri: .`).
# SAM runs `make build-<LogicalId>` once per function with ARTIFACTS_DIR set. Every function
# deploys the same shaded jar, so it is built once and copied; Lambda's Java runtime puts
# lib/*.jar on the classpath. The jar is rebuilt only when a source or pom is newer than it.

JAR := functions/target/functions.jar
SOURCES := $(shell find shared/src/main functions/src/main -type f) pom.xml shared/pom.xml local/pom.xml functions/pom.xml

build-%: $(JAR)
	mkdir -p "$(ARTIFACTS_DIR)/lib"
	cp $(JAR) "$(ARTIFACTS_DIR)/lib/"

# exec.skip: packaging needs no dynalite, so no Node.js either.
$(JAR): $(SOURCES)
	./mvnw -B -q -ntp -DskipTests -Dexec.skip=true -pl functions -am package
