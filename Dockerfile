# Build stage: Maven builds the shaded jar (tests run in CI, not here).
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src src
COPY prompts prompts
COPY config config
RUN mvn -B -q -DskipTests package

# Run stage: a JRE, a non-root user, the data directory as a volume.
FROM eclipse-temurin:17-jre
RUN useradd --system --create-home --home-dir /app linernotes
WORKDIR /app
COPY --from=build /src/target/linernotes.jar /app/linernotes.jar
COPY --from=build /src/prompts /app/prompts
COPY --from=build /src/config /app/config
RUN mkdir -p /data && chown linernotes /data
ENV LINERNOTES_DATA_DIR=/data DJL_CACHE_DIR=/data/.djl
VOLUME /data
USER linernotes
ENTRYPOINT ["java", "-Xmx1g", "-jar", "/app/linernotes.jar"]
CMD ["bot"]
