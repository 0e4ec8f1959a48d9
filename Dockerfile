# Runtime image for the jar built by ./mvnw package (see README, "Docker Compose").
FROM eclipse-temurin:17-jre
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY target/kaskad-*.jar /app/kaskad.jar
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/kaskad.jar"]
