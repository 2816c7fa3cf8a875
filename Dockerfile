# secgroup-gateway container image.
#
#   docker build -t secgroup-gateway:dev .
#   docker run --rm --read-only --tmpfs /tmp -p 8080:8080 -p 8081:8081 \
#     -e SPRING_PROFILES_ACTIVE=kubernetes -e MANAGEMENT_SERVER_PORT=8081 ... secgroup-gateway:dev
#
# Written for both builders (BuildKit and the classic one that Testcontainers' ImageFromDockerfile
# may use): no RUN --mount, no COPY --chmod, no syntax directive needed.

ARG JDK_IMAGE=eclipse-temurin:25-jdk-noble
ARG JRE_IMAGE=eclipse-temurin:25-jre-noble

# ---------------------------------------------------------------------------------------------
# 1. Build: the Maven wrapper, dependencies in their own layer, then the sources.
# ---------------------------------------------------------------------------------------------
FROM ${JDK_IMAGE} AS build
WORKDIR /workspace

# Only what decides the dependencies: this layer and the next are rebuilt when pom.xml or the
# wrapper changes, not when a source file does. (The image has neither curl nor wget: the wrapper
# fetches Maven with its Java fallback.)
COPY mvnw pom.xml ./
COPY .mvn/ .mvn/
RUN chmod 0755 mvnw \
 && ./mvnw -B -q --no-transfer-progress dependency:go-offline

COPY src/ src/
# Tests run in CI (./mvnw -B verify), not in the image build: not even compiled here.
RUN ./mvnw -B -q --no-transfer-progress package -Dmaven.test.skip=true \
 && cp target/secgroup-gateway-*.jar application.jar \
 && java -Djarmode=tools -jar application.jar extract --layers --destination extracted

# ---------------------------------------------------------------------------------------------
# 2. Runtime: a JRE, the layers of the Spring Boot jar from the least to the most often changed,
#    so that a code change rebuilds (and pushes/pulls) only the small last layer: lib/*.jar and
#    application.jar, whose manifest names them (a plain class path, which the AOT cache needs).
# ---------------------------------------------------------------------------------------------
FROM ${JRE_IMAGE}

# A fixed numeric user and group, so that Kubernetes' runAsNonRoot can verify them
# (runAsUser/runAsGroup/fsGroup 10001 in the Helm chart).
RUN groupadd --system --gid 10001 gateway \
 && useradd --system --uid 10001 --gid 10001 --no-create-home --home-dir /nonexistent \
      --shell /usr/sbin/nologin gateway

WORKDIR /application
# Owned by root and read-only for the gateway user: the application cannot change itself.
COPY --from=build /workspace/extracted/dependencies/ ./
COPY --from=build /workspace/extracted/spring-boot-loader/ ./
COPY --from=build /workspace/extracted/snapshot-dependencies/ ./
COPY --from=build /workspace/extracted/application/ ./

# Container-aware memory (75 % of the container's limit for the heap), fail fast on OOM so that
# Kubernetes restarts the pod, temp files only under /tmp (an emptyDir when the root filesystem is
# read-only), and no JDK 25 "restricted method" warning from Netty's native transport.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:InitialRAMPercentage=50 -XX:+ExitOnOutOfMemoryError -XX:-UsePerfData -Djava.io.tmpdir=/tmp --enable-native-access=ALL-UNNAMED"

# Start-up: an AOT cache (JDK 25, JEP 483/514/515) of the classes a start loads and links, made
# by a training start that stops once the application context is refreshed: nothing listens and
# nothing is called. It halves the time to readiness (docs/performance.md "Start-up"). The
# training configuration is placeholders: the cache holds classes, never configuration. A JVM
# that cannot use the cache (another JDK build) starts without it, only slower.
RUN java -XX:AOTCacheOutput=application.aot -Dspring.context.exit=onRefresh -jar application.jar \
      --gateway.credentials.mode=aksk --gateway.credentials.access-key=AOTCACHETRAININGAK01 \
      --gateway.credentials.secret-key=aot-cache-training-placeholder-not-a-secret \
      --gateway.security.mode=api-key '--gateway.security.clients[0].name=aot-cache-training' \
      '--gateway.security.clients[0].api-key-sha256=0000000000000000000000000000000000000000000000000000000000000000' \
      '--gateway.security.clients[0].projects[0]=*' '--gateway.security.clients[0].operations[0]=vpc:AddSecurityGroups' \
 && chmod 0444 application.aot

# 8080: the API (server.port). 8081: management (management.server.port): health probes, Prometheus.
EXPOSE 8080 8081

USER 10001:10001

# Exec form: java is PID 1 and receives SIGTERM itself (graceful shutdown); no shell involved.
ENTRYPOINT ["java", "-XX:AOTCache=application.aot", "-jar", "application.jar"]
