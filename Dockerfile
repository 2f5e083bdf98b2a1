# The application image with an ahead-of-time cache (Java 25, JEP 483/514), the way Spring Boot documents it: extract
# the jar, run the application once to train the cache (it exits as soon as the context is refreshed), then start
# with the cache. The code targets Java 17; the image runs it on Java 25, whose AOT cache also keeps classes linked
# and profiled, so the first page comes sooner than with Java 17's class-data sharing (docs/benchmarks.md#start-up).
# Build: ./mvnw -DskipTests package && docker build -t llm-status:0.1.0-SNAPSHOT .
# (./mvnw spring-boot:build-image builds an image with Paketo buildpacks and class-data sharing instead.)
FROM eclipse-temurin:25-jre AS builder
WORKDIR /builder
COPY target/llm-status-*.jar application.jar
RUN java -Djarmode=tools -jar application.jar extract --layers --launcher=false --destination extracted

FROM eclipse-temurin:25-jre
WORKDIR /application
COPY --from=builder /builder/extracted/dependencies/ ./
COPY --from=builder /builder/extracted/spring-boot-loader/ ./
COPY --from=builder /builder/extracted/snapshot-dependencies/ ./
COPY --from=builder /builder/extracted/application/ ./
# The training run: the embedded H2 of the default profile, no prober, and exit once the context is refreshed.
# The cache is only used with the same jar at the same path, so training and ENTRYPOINT both say application.jar.
RUN java -XX:AOTCacheOutput=application.aot -Dspring.context.exit=onRefresh \
      -jar application.jar --llmstatus.probe.enabled=false --spring.datasource.url=jdbc:h2:mem:training \
    && rm -rf data
EXPOSE 8080
ENTRYPOINT ["java", "-XX:AOTCache=application.aot", "-jar", "application.jar"]
