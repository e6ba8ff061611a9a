package org.vigie;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;

/**
 * The packaged application (target/quarkus-app), started as a user starts it, on a free port, with each
 * reader arriving through a local proxy with its own address. For the tests that need real processes.
 */
public final class PackagedVigie implements AutoCloseable {

    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final Process process;
    private final Path log;
    private final String base;

    private PackagedVigie(Process process, Path log, String base) {
        this.process = process;
        this.log = log;
        this.base = base;
    }

    /**
     * Starts it in {@code directory} with the {@code environment} given and the system properties in
     * {@code options} (as {@code -D} arguments), its output in {@code log}, and waits until it is ready.
     */
    public static PackagedVigie start(Path directory, Path log, Map<String, String> environment, String... options)
            throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-XX:+ExitOnOutOfMemoryError", "-Xmx256m",
                "-Dquarkus.http.port=" + port,
                "-Dquarkus.http.proxy.proxy-address-forwarding=true",
                "-Dquarkus.http.proxy.allow-x-forwarded=true",
                "-Dquarkus.http.proxy.trusted-proxies=127.0.0.1"));
        for (String option : options) {
            command.add("-D" + option);
        }
        command.addAll(List.of("-jar", JAR.toAbsolutePath().toString()));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.directory(directory.toFile());
        builder.environment().remove("QUARKUS_DATASOURCE_JDBC_URL");
        builder.environment().putAll(environment);
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        PackagedVigie vigie = new PackagedVigie(builder.start(), log, "http://127.0.0.1:" + port);
        try {
            await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(250))
                    .failFast("Vigie exited", () -> !vigie.alive())
                    .until(() -> vigie.readiness() == 200);
        } catch (ConditionTimeoutException | TerminalFailureException e) {
            vigie.close();
            fail("Vigie did not start:\n" + vigie.log());
        }
        return vigie;
    }

    /** Where it listens, such as {@code http://127.0.0.1:40123}. */
    public String base() {
        return base;
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** The status of {@code /q/health/ready}, or -1 when it does not answer. */
    public int readiness() {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(base + "/q/health/ready")).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** Everything it wrote so far. */
    public String log() throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
