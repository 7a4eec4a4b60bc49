# Dragoman's image: the jar (with its configuration and routes inside) and the shipped JVM options, run as a user
# without rights on a JRE. Build: docker build -t dragoman . ; run: docker run -p 8080:8080 dragoman, with
# DRAGOMAN_CONFIG pointing at a mounted properties file, or a folder of them, to configure it (deploy/kubernetes
# mounts its ConfigMap so).

# --- build: the jar, without the tests (bin/test runs them) --------------------------------------------------------
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml application.properties jvm.options ./
COPY routes routes
COPY src/main src/main
RUN mvn -B -ntp -q package -DskipTests

# --- run: a JRE, the jar and its JVM options, nothing else -----------------------------------------------------------
FROM eclipse-temurin:17-jre
RUN groupadd --gid 10001 dragoman && useradd --uid 10001 --gid 10001 --no-create-home --shell /usr/sbin/nologin dragoman
WORKDIR /app
COPY --from=build /src/target/dragoman.jar /app/dragoman.jar
COPY --from=build /src/jvm.options /app/jvm.options
# the file drop's folders and the embedded memory live under data/ in the working folder
RUN mkdir /app/data && chown 10001:10001 /app/data
USER 10001:10001
# two malloc arenas instead of up to 8 per CPU: jvm.options says why
ENV MALLOC_ARENA_MAX=2
# the HTTP API, and the probes and metrics when camel.management.port is set apart (deploy/kubernetes: 9876)
EXPOSE 8080 9876
ENTRYPOINT ["java", "@/app/jvm.options", "-jar", "/app/dragoman.jar"]
