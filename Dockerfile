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
# JAVA_OPTS: the heap. Measured at 100,000 essays: a bot with -Xmx512m answered 200 questions through the Discord
# emulation holding 762 MB of its own memory (heap, the embedding model, the JVM), and a start that builds the
# song catalogue's index fits it; with -Xmx1g the heap only grew to its cap (README, "Speed and size").
ENV LINERNOTES_DATA_DIR=/data DJL_CACHE_DIR=/data/.djl JAVA_OPTS="-Xmx512m"
VOLUME /data
USER linernotes
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar /app/linernotes.jar \"$@\"", "linernotes"]
CMD ["bot"]
