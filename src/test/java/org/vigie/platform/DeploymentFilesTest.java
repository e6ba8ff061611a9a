package org.vigie.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import org.junit.jupiter.api.Test;

/**
 * Every way of starting Vigie that the project ships exits when out of memory, so that its supervisor
 * starts a new process; the Kubernetes Deployment checks liveness over HTTP.
 */
class DeploymentFilesTest {

    private static final String EXIT_ON_OOM = "-XX:+ExitOnOutOfMemoryError";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void everyJavaCommandInTheReadmeExitsWhenOutOfMemory() throws IOException {
        Matcher java = Pattern.compile("(?m)^\\s*java\\s.*$").matcher(Files.readString(Path.of("README.md")));
        int commands = 0;
        while (java.find()) {
            commands++;
            assertTrue(java.group().contains(EXIT_ON_OOM), java.group());
        }
        assertTrue(commands > 0, "the README shows how to start the packaged application");
    }

    @Test
    void theImageTheComposeFileAndDevModeExitWhenOutOfMemory() throws IOException {
        String dockerfile = Files.readString(Path.of("src/main/docker/Dockerfile.jvm"));
        assertTrue(dockerfile.lines().anyMatch(line -> line.startsWith("ENV JAVA_OPTS_APPEND=") && line.contains(EXIT_ON_OOM)));
        JsonNode compose = YAML.readTree(Path.of("deploy/docker-compose.yml").toFile());
        // The compose file builds its image from that Dockerfile and does not replace its Java options.
        assertEquals("src/main/docker/Dockerfile.jvm", compose.at("/services/vigie/build/dockerfile").asText());
        assertTrue(compose.at("/services/vigie/environment/JAVA_OPTS_APPEND").isMissingNode());
        assertEquals("unless-stopped", compose.at("/services/vigie/restart").asText());
        assertTrue(Files.readString(Path.of("pom.xml")).contains("<jvmArgs>" + EXIT_ON_OOM + "</jvmArgs>"));
    }

    @Test
    void theKubernetesDeploymentExitsWhenOutOfMemoryAndProbesOverHttp() throws IOException {
        Path base = Path.of("deploy/kubernetes/base");
        JsonNode kustomization = YAML.readTree(base.resolve("kustomization.yaml").toFile());
        List<String> resources = YAML.convertValue(kustomization.get("resources"), YAML.getTypeFactory()
                .constructCollectionType(List.class, String.class));
        for (String resource : resources) {
            assertTrue(Files.exists(base.resolve(resource)), resource);
        }
        JsonNode deployment = YAML.readTree(base.resolve("deployment.yaml").toFile());
        assertEquals("Deployment", deployment.get("kind").asText());
        JsonNode pod = deployment.at("/spec/template/spec");
        assertFalse(pod.get("automountServiceAccountToken").asBoolean());
        assertTrue(pod.at("/securityContext/runAsNonRoot").asBoolean());
        JsonNode container = pod.at("/containers/0");
        boolean exits = false;
        for (JsonNode variable : container.get("env")) {
            if (variable.get("name").asText().equals("JAVA_OPTS_APPEND")) {
                exits = variable.get("value").asText().contains(EXIT_ON_OOM);
            }
        }
        assertTrue(exits, "JAVA_OPTS_APPEND holds " + EXIT_ON_OOM);
        assertEquals("/q/health/live", container.at("/livenessProbe/httpGet/path").asText());
        assertEquals("/q/health/ready", container.at("/readinessProbe/httpGet/path").asText());
        assertEquals("/q/health/started", container.at("/startupProbe/httpGet/path").asText());
        assertEquals("http", container.at("/livenessProbe/httpGet/port").asText());
        assertEquals(8080, container.at("/ports/0/containerPort").asInt());
    }
}
