# The application image with class-data sharing (CDS), the way Spring Boot documents it: extract the jar, run the
# application once to train the archive (it exits as soon as the context is refreshed), then start with the archive.
# Build: ./mvnw -DskipTests package && docker build -t llm-status:0.1.0-SNAPSHOT .
# (./mvnw spring-boot:build-image builds the same image with Paketo buildpacks; CDS is switched on there too.)
FROM eclipse-temurin:17-jre AS builder
WORKDIR /builder
COPY target/llm-status-*.jar application.jar
RUN java -Djarmode=tools -jar application.jar extract --layers --launcher=false --destination extracted

FROM eclipse-temurin:17-jre
WORKDIR /application
COPY --from=builder /builder/extracted/dependencies/ ./
COPY --from=builder /builder/extracted/spring-boot-loader/ ./
COPY --from=builder /builder/extracted/snapshot-dependencies/ ./
COPY --from=builder /builder/extracted/application/ ./
# The training run: the embedded H2 of the default profile, no prober, and exit once the context is refreshed.
RUN java -XX:ArchiveClassesAtExit=application.jsa -Dspring.context.exit=onRefresh \
      -jar application.jar --llmstatus.probe.enabled=false --spring.datasource.url=jdbc:h2:mem:training \
    && rm -rf data
EXPOSE 8080
ENTRYPOINT ["java", "-XX:SharedArchiveFile=application.jsa", "-jar", "application.jar"]
