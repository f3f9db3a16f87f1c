# syntax=docker/dockerfile:1
# Every Parley image, built from source: a fresh clone and Docker are all `docker compose up` needs.
#
#   docker build --target gateway -t parley-gateway .
#   targets: auth-service, chat-service, presence-service, search-service, gateway (the services, as
#   docker-compose.yml runs them) and parley (everything in one process on the embedded store, also what
#   `docker build .` makes)
#
# The Maven stage builds every runnable module once; each image then takes its jar from it and nothing else.

FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
# The poms alone first, so the downloads below stay in a layer of their own, reused until a pom changes.
# Maven reads every module of the parent pom, so each one is listed (system-tests checks the list).
COPY pom.xml ./
COPY contract/pom.xml contract/
COPY platform/pom.xml platform/
COPY auth-service/pom.xml auth-service/
COPY chat-service/pom.xml chat-service/
COPY presence-service/pom.xml presence-service/
COPY search-service/pom.xml search-service/
COPY frontend/pom.xml frontend/
COPY gateway/pom.xml gateway/
COPY standalone/pom.xml standalone/
COPY web-tests/pom.xml web-tests/
COPY system-tests/pom.xml system-tests/
COPY bench/pom.xml bench/
ARG MODULES=standalone,auth-service,chat-service,presence-service,search-service,gateway
# Building the empty modules fetches every dependency and plugin the real build below uses.
RUN mvn -B -ntp -q -pl "$MODULES" -am -DskipTests package
COPY . .
RUN mvn -B -ntp -q -pl "$MODULES" -am -DskipTests package

# What every service image shares: a JRE, a user without privileges (each image ends with USER parley, after
# the steps that write /app as root), the management port and its check, and how to start from a CDS archive.
FROM eclipse-temurin:17-jre AS runtime
RUN useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin parley \
    && mkdir -p /app /data \
    && chown parley /data \
    && chmod 0700 /data
WORKDIR /app
# Makes /app/app.jsa: the classes the jar loads while it starts alone, parsed and verified at build time, so
# every start maps them instead of doing that again (docs/OPERATIONS.md). Without the archive, or with one
# that does not match the JVM and jar, the JVM starts as it would without (-Xlog:cds*=off: silently).
COPY scripts/cds-archive.sh /usr/local/bin/parley-cds-archive
# /metrics and /health for Prometheus and the health check, inside the compose network only (never published).
ENV PARLEY_MANAGEMENT_PORT=9090 \
    PARLEY_MANAGEMENT_HOST=0.0.0.0
EXPOSE 9090
# 200 when the process is up and its service answers (for a gateway: every service, over the cluster).
HEALTHCHECK --interval=5s --timeout=3s --start-period=90s --retries=3 \
    CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/$PARLEY_MANAGEMENT_PORT && printf 'GET /health HTTP/1.0\\r\\n\\r\\n' >&3 && head -1 <&3 | grep -q ' 200 '"]
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:SharedArchiveFile=/app/app.jsa", "-Xlog:cds*=off", \
    "-jar", "/app/app.jar"]

FROM runtime AS auth-service
# Where the development signing key is generated when PARLEY_JWT_PRIVATE_KEY is not set.
ENV PARLEY_DATA_DIR=/data
COPY --from=build /src/auth-service/target/auth-service.jar /app/app.jar
RUN parley-cds-archive /app/app.jar /app/app.jsa || echo 'no CDS archive: this image starts without one'
USER parley

FROM runtime AS chat-service
COPY --from=build /src/chat-service/target/chat-service.jar /app/app.jar
RUN parley-cds-archive /app/app.jar /app/app.jsa || echo 'no CDS archive: this image starts without one'
USER parley

FROM runtime AS presence-service
COPY --from=build /src/presence-service/target/presence-service.jar /app/app.jar
RUN parley-cds-archive /app/app.jar /app/app.jsa || echo 'no CDS archive: this image starts without one'
USER parley

FROM runtime AS search-service
# Its own index, in /data/search: every replica keeps a full one, rebuilt from chat-service when it is empty.
ENV PARLEY_DATA_DIR=/data
COPY --from=build /src/search-service/target/search-service.jar /app/app.jar
RUN parley-cds-archive /app/app.jar /app/app.jsa || echo 'no CDS archive: this image starts without one'
USER parley

FROM runtime AS gateway
EXPOSE 8080
COPY --from=build /src/gateway/target/gateway.jar /app/app.jar
RUN parley-cds-archive /app/app.jar /app/app.jsa || echo 'no CDS archive: this image starts without one'
USER parley

# Last, so a plain `docker build .` makes it: docker run -p 8080:8080 -v parley-data:/data <image>
FROM runtime AS parley
ENV PARLEY_DATA_DIR=/data
EXPOSE 8080
VOLUME /data
COPY --from=build /src/standalone/target/parley.jar /app/app.jar
RUN parley-cds-archive /app/app.jar /app/app.jsa || echo 'no CDS archive: this image starts without one'
USER parley
