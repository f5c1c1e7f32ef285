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
# JAVA_OPTS: the heap. Scaled from the song catalogue measured at 10,000 essays (~22 MB), 1 GiB holds that of
# 100,000 twice over (a rebuild builds the new one beside the old); up to 10,000 essays -Xmx512m is plenty
# (README, "Speed and size").
ENV LINERNOTES_DATA_DIR=/data DJL_CACHE_DIR=/data/.djl JAVA_OPTS="-Xmx1g"
VOLUME /data
USER linernotes
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar /app/linernotes.jar \"$@\"", "linernotes"]
CMD ["bot"]
